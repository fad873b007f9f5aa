using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VideoTube.IntegrationTests.Users;

/// <summary>GET /current-user, and what the API accepts as an access token.</summary>
public sealed class AccessTokenTests : ApiTestBase
{
    [Test]
    public async Task Current_user_returns_the_caller()
    {
        var user = await CreateUserAsync();
        var response = await user.Client.GetAsync("/api/v1/users/current-user");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("User fetched successfully"));
            Assert.That(json["data"]!["username"]!.GetValue<string>(), Is.EqualTo(user.Username));
            Assert.That(json["data"]!["email"]!.GetValue<string>(), Is.EqualTo(user.Email));
        });
    }

    [Test]
    public async Task Missing_token_is_401()
    {
        using var client = CreateClient();
        var response = await client.GetAsync("/api/v1/users/current-user");
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.Unauthorized), Is.EqualTo("Unauthorized request"));
    }

    [Test]
    public async Task Expired_token_is_401()
    {
        var user = await CreateUserAsync();
        var token = Sign(user.Id, VideoTubeApiFactory.SigningKey, expires: DateTime.UtcNow.AddMinutes(-5));
        var message = await AssertErrorAsync(await GetCurrentUserAsync(token), HttpStatusCode.Unauthorized);
        Assert.That(message, Is.EqualTo("Access token expired"));
    }

    [Test]
    public async Task Token_signed_with_another_key_is_401()
    {
        var user = await CreateUserAsync();
        var token = Sign(user.Id, "some-other-signing-key-that-is-long-enough", DateTime.UtcNow.AddMinutes(5));
        await AssertErrorAsync(await GetCurrentUserAsync(token), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Unsigned_alg_none_token_is_401()
    {
        var user = await CreateUserAsync();
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var token = $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode($$"""{"sub":"{{user.Id}}","iss":"videotube","aud":"videotube","exp":{{exp}}}""")}.";
        await AssertErrorAsync(await GetCurrentUserAsync(token), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Garbage_and_tampered_tokens_are_401()
    {
        var user = await CreateUserAsync();
        await AssertErrorAsync(await GetCurrentUserAsync("not.a.jwt"), HttpStatusCode.Unauthorized);
        var parts = user.AccessToken.Split('.');
        var forgedPayload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"sub":"{{Guid.NewGuid()}}"}"""));
        await AssertErrorAsync(await GetCurrentUserAsync($"{parts[0]}.{forgedPayload}.{parts[2]}"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Token_of_a_deleted_user_is_401()
    {
        var user = await CreateUserAsync();
        await WithDbAsync(async db => { db.Users.Remove(await db.Users.FindAsync(user.Id) ?? throw new InvalidOperationException()); return await db.SaveChangesAsync(); });
        await AssertErrorAsync(await user.Client.GetAsync("/api/v1/users/current-user"), HttpStatusCode.Unauthorized);
    }

    private async Task<HttpResponseMessage> GetCurrentUserAsync(string token)
    {
        using var client = CreateClient(handleCookies: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/users/current-user");
    }

    private static string Sign(Guid userId, string key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "videotube",
        Audience = "videotube",
        IssuedAt = expires.AddMinutes(-15),
        NotBefore = expires.AddMinutes(-15),
        Expires = expires,
        Subject = new ClaimsIdentity([new Claim("sub", userId.ToString())]),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
