using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Users;

public sealed class RefreshTokenTests : ApiTestBase
{
    /// <summary>
    /// Without the reuse grace window every replay is one after the window: these tests are about theft. The two-tab
    /// grace is tested in Reliability/RefreshGraceTests.
    /// </summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jwt:RefreshReuseGrace"] = "00:00:00",
    };

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string? token) =>
        client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = token });

    [Test]
    public async Task Refresh_rotates_the_token_and_returns_both()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);

        var response = await RefreshAsync(client, user.RefreshToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var data = (await ReadJsonAsync(response))["data"]!;
        var rotated = data["refreshToken"]!.GetValue<string>();
        Assert.That(rotated, Is.Not.EqualTo(user.RefreshToken));
        Assert.That(data["accessToken"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(response.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith($"refreshToken={rotated}"));

        // The rotated token works again (chai-backend lost it, quirk 1).
        Assert.That((await RefreshAsync(client, rotated)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Refresh_reads_the_cookie_first()
    {
        var user = await CreateUserAsync();
        using var browser = CreateClient();
        await LoginAsync(browser, user.Username, user.Password);

        var response = await browser.PostAsync("/api/v1/users/refresh-token", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var again = await browser.PostAsync("/api/v1/users/refresh-token", null);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie must hold the rotated token");
    }

    [Test]
    public async Task Tokens_are_stored_only_as_hashes()
    {
        var user = await CreateUserAsync();
        var hashes = await WithDbAsync(db => db.RefreshTokens.Where(t => t.UserId == user.Id).Select(t => t.TokenHash).ToListAsync());
        Assert.That(hashes, Is.Not.Empty);
        Assert.That(hashes, Has.None.EqualTo(user.RefreshToken));
        Assert.That(hashes, Has.All.Length.EqualTo(64));
    }

    [Test]
    public async Task Reusing_a_rotated_token_revokes_the_whole_family()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);
        var rotated = (await ReadJsonAsync(await RefreshAsync(client, user.RefreshToken)))["data"]!["refreshToken"]!.GetValue<string>();

        var replay = await RefreshAsync(client, user.RefreshToken);
        Assert.That(await AssertErrorAsync(replay, HttpStatusCode.Unauthorized), Is.EqualTo("Refresh token is expired or used"));

        // The thief's replay also kills the legitimate successor.
        await AssertErrorAsync(await RefreshAsync(client, rotated), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Other_sessions_survive_a_reuse_in_one_family()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);
        var (_, secondDevice) = await LoginAsync(client, user.Username, user.Password);
        await RefreshAsync(client, user.RefreshToken);
        await RefreshAsync(client, user.RefreshToken); // reuse in the first family

        Assert.That((await RefreshAsync(client, secondDevice)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Missing_unknown_or_expired_tokens_are_401()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);
        Assert.That(await AssertErrorAsync(await RefreshAsync(client, null), HttpStatusCode.Unauthorized), Is.EqualTo("unauthorized request"));
        await AssertErrorAsync(await RefreshAsync(client, "not-a-real-token"), HttpStatusCode.Unauthorized);

        await WithDbAsync(db => db.RefreshTokens.Where(t => t.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        await AssertErrorAsync(await RefreshAsync(client, user.RefreshToken), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Without_a_grace_window_parallel_use_of_one_token_has_exactly_one_winner()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefreshAsync(client, user.RefreshToken)));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), Is.EqualTo(7));
        var active = await WithDbAsync(db => db.RefreshTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null));
        Assert.That(active, Is.Zero, "the race is a reuse, so the family is revoked");
    }
}
