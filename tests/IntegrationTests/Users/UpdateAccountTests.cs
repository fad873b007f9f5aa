using System.Net;
using System.Net.Http.Json;

namespace VideoTube.IntegrationTests.Users;

public sealed class UpdateAccountTests : ApiTestBase
{
    [Test]
    public async Task Update_account_changes_name_and_email_without_leaking_secrets()
    {
        var user = await CreateUserAsync();
        var newEmail = $"new-{user.Username}@Example.com";

        var response = await user.Client.PatchAsJsonAsync("/api/v1/users/update-account", new { fullName = "  New Name ", email = newEmail });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Account details updated successfully"));
            Assert.That(json["data"]!["fullName"]!.GetValue<string>(), Is.EqualTo("New Name"));
            Assert.That(json["data"]!["email"]!.GetValue<string>(), Is.EqualTo(newEmail.ToLowerInvariant()));
            Assert.That(json["data"]!.ToJsonString(), Does.Not.Contain("refreshToken").And.Not.Contain("password").IgnoreCase);
        });
        using var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/users/login", new { email = newEmail, password = user.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Email_of_another_user_is_409()
    {
        var user = await CreateUserAsync();
        var other = await CreateUserAsync();
        var response = await user.Client.PatchAsJsonAsync("/api/v1/users/update-account", new { fullName = "X", email = other.Email.ToUpperInvariant() });
        await AssertErrorAsync(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Missing_fields_and_bad_email_are_400()
    {
        var user = await CreateUserAsync();
        Assert.That(await AssertErrorAsync(await user.Client.PatchAsJsonAsync("/api/v1/users/update-account", new { fullName = "X" }),
            HttpStatusCode.BadRequest), Is.EqualTo("All fields are required"));
        await AssertErrorAsync(await user.Client.PatchAsJsonAsync("/api/v1/users/update-account", new { fullName = "X", email = "nope" }),
            HttpStatusCode.BadRequest);
        await AssertErrorAsync(await user.Client.PatchAsJsonAsync("/api/v1/users/update-account", new { fullName = new string('x', 101), email = user.Email }),
            HttpStatusCode.BadRequest);
        await AssertErrorAsync(await user.Client.PatchAsJsonAsync("/api/v1/users/update-account", new { fullName = 42, email = true }),
            HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Update_account_without_a_token_is_401()
    {
        using var client = CreateClient();
        var response = await client.PatchAsJsonAsync("/api/v1/users/update-account", new { fullName = "X", email = "x@example.com" });
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }
}
