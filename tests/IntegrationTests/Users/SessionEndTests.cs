using System.Net;
using System.Net.Http.Json;

namespace VideoTube.IntegrationTests.Users;

public sealed class SessionEndTests : ApiTestBase
{
    /// <summary>
    /// Without the reuse grace window every replay is one after the window: these tests are about theft. The two-tab
    /// grace is tested in Reliability/RefreshGraceTests.
    /// </summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jwt:RefreshReuseGrace"] = "00:00:00",
    };

    [Test]
    public async Task Logout_clears_cookies_and_the_session_cannot_refresh()
    {
        var user = await CreateUserAsync();

        var response = await user.Client.PostAsync("/api/v1/users/logout", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("User logged Out"));
        Assert.That(json["data"]!.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(response.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("accessToken=;").And.Some.StartsWith("refreshToken=;"));

        using var client = CreateClient(handleCookies: false);
        var refresh = await client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = user.RefreshToken });
        await AssertErrorAsync(refresh, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Logout_ends_the_access_token_too()
    {
        var user = await CreateUserAsync();
        Assert.That((await user.Client.GetAsync("/api/v1/users/current-user")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await user.Client.PostAsync("/api/v1/users/logout", null);

        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/users/current-user"), HttpStatusCode.Unauthorized),
            Is.EqualTo("Session has ended; log in again"));
    }

    [Test]
    public async Task Refresh_token_reuse_ends_the_familys_access_tokens()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);
        await client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = user.RefreshToken });
        await client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = user.RefreshToken }); // replay

        await AssertErrorAsync(await user.Client.GetAsync("/api/v1/users/current-user"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_session_is_checked_with_one_statement_then_answered_from_memory()
    {
        var user = await CreateUserAsync();
        await SessionBroadcastTests.WaitUntilListeningAsync(Factory);
        Factory.SqlCommands.Reset();

        await user.Client.GetAsync("/api/v1/users/current-user");

        Assert.That(Factory.SqlCommands.SessionChecks, Has.Count.EqualTo(1));
        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), "plus the route's own read");

        Factory.SqlCommands.Reset();
        await user.Client.GetAsync("/api/v1/users/current-user");
        Assert.That(Factory.SqlCommands.SessionChecks, Is.Empty, "revocations are broadcast, so the answer is kept");
    }

    [Test]
    public async Task Logout_keeps_other_devices_logged_in()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);
        var (_, otherDevice) = await LoginAsync(client, user.Username, user.Password);

        await user.Client.PostAsync("/api/v1/users/logout", null);

        var refresh = await client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = otherDevice });
        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_cannot_revoke_another_users_session()
    {
        var victim = await CreateUserAsync();
        var attacker = await CreateUserAsync();

        await attacker.Client.PostAsJsonAsync("/api/v1/users/logout", new { refreshToken = victim.RefreshToken });

        using var client = CreateClient(handleCookies: false);
        var refresh = await client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = victim.RefreshToken });
        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Logout_without_a_token_is_401()
    {
        using var client = CreateClient();
        Assert.That(await AssertErrorAsync(await client.PostAsync("/api/v1/users/logout", null), HttpStatusCode.Unauthorized),
            Is.EqualTo("Unauthorized request"));
    }

    [Test]
    public async Task Change_password_revokes_every_session_and_the_new_password_works()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);
        var (_, otherDevice) = await LoginAsync(client, user.Username, user.Password);

        var response = await user.Client.PostAsJsonAsync("/api/v1/users/change-password",
            new { oldPassword = user.Password, newPassword = "a-brand-new-password" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response))["message"]!.GetValue<string>(), Is.EqualTo("Password changed successfully"));
        foreach (var token in new[] { user.RefreshToken, otherDevice })
            await AssertErrorAsync(await client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = token }),
                HttpStatusCode.Unauthorized);
        await AssertErrorAsync(await client.PostAsJsonAsync("/api/v1/users/login",
            new { username = user.Username, password = user.Password }), HttpStatusCode.Unauthorized);
        await LoginAsync(client, user.Username, "a-brand-new-password");
        await AssertErrorAsync(await user.Client.GetAsync("/api/v1/users/current-user"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Change_password_rejects_a_wrong_old_password_and_bad_input()
    {
        var user = await CreateUserAsync();
        var wrong = await user.Client.PostAsJsonAsync("/api/v1/users/change-password",
            new { oldPassword = "not-my-password", newPassword = "another-password" });
        Assert.That(await AssertErrorAsync(wrong, HttpStatusCode.BadRequest), Is.EqualTo("Invalid old password"));

        var missing = await user.Client.PostAsJsonAsync("/api/v1/users/change-password", new { oldPassword = user.Password });
        await AssertErrorAsync(missing, HttpStatusCode.BadRequest);

        var weak = await user.Client.PostAsJsonAsync("/api/v1/users/change-password", new { oldPassword = user.Password, newPassword = "123" });
        await AssertErrorAsync(weak, HttpStatusCode.BadRequest);

        // Nothing changed: the old password still logs in.
        using var client = CreateClient();
        await LoginAsync(client, user.Username, user.Password);
    }

    [Test]
    public async Task Change_password_without_a_token_is_401()
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/users/change-password", new { oldPassword = "a", newPassword = "b" });
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }
}
