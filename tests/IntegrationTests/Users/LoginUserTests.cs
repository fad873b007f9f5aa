using System.Net;
using System.Net.Http.Json;

namespace VideoTube.IntegrationTests.Users;

public sealed class LoginUserTests : ApiTestBase
{
    [Test]
    public async Task Login_by_username_returns_tokens_and_sets_hardened_cookies()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/users/login", new { username = user.Username, password = user.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("User logged In Successfully"));
            Assert.That(json["data"]!["user"]!["_id"]!.GetValue<string>(), Is.EqualTo(user.Id.ToString()));
            Assert.That(json["data"]!["accessToken"]!.GetValue<string>().Split('.'), Has.Length.EqualTo(3));
            Assert.That(json["data"]!["refreshToken"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(json["data"]!["user"]!.ToJsonString(), Does.Not.Contain("password").IgnoreCase);
        });
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.That(cookies, Has.Exactly(1).StartsWith("accessToken=").And.Contains("httponly").IgnoreCase
            .And.Contains("secure").IgnoreCase.And.Contains("samesite=lax").IgnoreCase.And.Contains("expires=").IgnoreCase);
        Assert.That(cookies, Has.Exactly(1).StartsWith("refreshToken=").And.Contains("path=/api/v1/users").IgnoreCase
            .And.Contains("httponly").IgnoreCase);

        // The cookie alone authenticates the browser.
        var current = await client.GetAsync("/api/v1/users/current-user");
        Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_by_email_ignores_case_and_accepts_a_form_body()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient();
        var response = await client.PostAsync("/api/v1/users/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = user.Email.ToUpperInvariant(),
            ["password"] = user.Password,
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Wrong_password_and_unknown_user_are_the_same_401()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/v1/users/login", new { username = user.Username, password = "not-the-password" });
        var unknown = await client.PostAsJsonAsync("/api/v1/users/login", new { username = "nobody-here", password = "whatever1" });

        Assert.That(await AssertErrorAsync(wrong, HttpStatusCode.Unauthorized), Is.EqualTo("Invalid user credentials"));
        Assert.That(await AssertErrorAsync(unknown, HttpStatusCode.Unauthorized), Is.EqualTo("Invalid user credentials"));
    }

    [Test]
    public async Task Missing_identifier_or_password_is_400()
    {
        using var client = CreateClient();
        var noIdentifier = await client.PostAsJsonAsync("/api/v1/users/login", new { password = "x" });
        Assert.That(await AssertErrorAsync(noIdentifier, HttpStatusCode.BadRequest), Is.EqualTo("username or email is required"));
        var noPassword = await client.PostAsJsonAsync("/api/v1/users/login", new { username = "someone" });
        await AssertErrorAsync(noPassword, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Query_operators_and_malformed_json_are_400_not_500()
    {
        using var client = CreateClient();
        var injection = await client.PostAsync("/api/v1/users/login",
            new StringContent("""{"username":{"$regex":"^a"},"password":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        await AssertErrorAsync(injection, HttpStatusCode.BadRequest);

        var malformed = await client.PostAsync("/api/v1/users/login",
            new StringContent("""{"username": "a", """, System.Text.Encoding.UTF8, "application/json"));
        await AssertErrorAsync(malformed, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Repeated_failures_lock_the_account()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
            await AssertErrorAsync(await client.PostAsJsonAsync("/api/v1/users/login",
                new { username = user.Username, password = "wrong-password" }), HttpStatusCode.Unauthorized);

        var locked = await client.PostAsJsonAsync("/api/v1/users/login", new { username = user.Username, password = user.Password });
        await AssertErrorAsync(locked, HttpStatusCode.TooManyRequests);
    }
}
