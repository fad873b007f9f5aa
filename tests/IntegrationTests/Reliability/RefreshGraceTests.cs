using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Reliability;

/// <summary>
/// Issue 10, reproduction 6: two (or twenty) tabs refreshing with the same token at once keep the session: within
/// the reuse grace window they all get the same successor. A replay after the window still revokes the family.
/// </summary>
public sealed class RefreshGraceTests : ApiTestBase
{
    [TestCase(2), TestCase(20), CancelAfter(120_000)]
    public async Task Parallel_refreshes_with_one_token_all_get_the_same_successor_and_the_session_lives_on(int tabs)
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);

        var responses = await Task.WhenAll(Enumerable.Range(0, tabs).Select(_ => RefreshAsync(client, user.RefreshToken)));

        var data = await Task.WhenAll(responses.Select(r => r.DataAsync()));
        var successors = data.Select(d => d["refreshToken"]!.GetValue<string>()).Distinct().ToList();
        Assert.That(successors, Has.Count.EqualTo(1), "every tab got the same successor");
        foreach (var access in data.Select(d => d["accessToken"]!.GetValue<string>()))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/current-user");
            request.Headers.Authorization = new("Bearer", access);
            Assert.That((await client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        await (await RefreshAsync(client, successors[0])).DataAsync();
        var alive = await WithDbAsync(db => db.RefreshTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null));
        Assert.That(alive, Is.EqualTo(1), "one family, one live token");
    }

    [Test]
    public async Task A_replay_after_the_grace_window_revokes_the_family()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);
        var successor = (await (await RefreshAsync(client, user.RefreshToken)).DataAsync())["refreshToken"]!.GetValue<string>();
        // Move the rotation out of the window instead of waiting for it.
        await WithDbAsync(db => db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, t => t.RevokedAt!.Value.AddMinutes(-5))));

        await AssertErrorAsync(await RefreshAsync(client, user.RefreshToken), HttpStatusCode.Unauthorized);
        await AssertErrorAsync(await RefreshAsync(client, successor), HttpStatusCode.Unauthorized);
        var alive = await WithDbAsync(db => db.RefreshTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null));
        Assert.That(alive, Is.Zero);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string token) =>
        client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = token });
}
