using System.Net;
using System.Net.Http.Json;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>ASVS V2.1.7: the most common passwords are refused on every path that sets one.</summary>
public sealed class CommonPasswordTests : ApiTestBase
{
    [TestCase("iloveyou")]
    [TestCase("Sunshine")]
    [TestCase("12345678")]
    public async Task Register_refuses_a_common_password(string password)
    {
        using var client = CreateClient();
        var username = UniqueName();

        var response = await client.PostAsync("/api/v1/users/register", RegistrationForm(username, $"{username}@example.com", password));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
        var errors = (await ReadJsonAsync(response))["errors"]!.AsArray().Select(e => e!.GetValue<string>());
        Assert.That(errors, Has.Some.Contains("commonly used"));
        Assert.That(await WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.UserName == username))), Is.Zero);
    }

    [Test]
    public async Task Change_password_refuses_a_common_password_and_keeps_the_old_one()
    {
        var user = await CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/users/change-password",
            new { oldPassword = user.Password, newPassword = "trustno1" });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
        using var client = CreateClient();
        await LoginAsync(client, user.Username, user.Password);
    }

    [Test]
    public async Task An_uncommon_password_of_the_minimum_length_is_still_accepted()
    {
        using var client = CreateClient();
        var username = UniqueName();
        var response = await client.PostAsync("/api/v1/users/register",
            RegistrationForm(username, $"{username}@example.com", "qv7-lp2z"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
