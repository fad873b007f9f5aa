using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Reliability;

public sealed class ConcurrentSessionTests : ApiTestBase
{
    [Test, CancelAfter(120_000)]
    public async Task Fifty_concurrent_logins_then_refreshes_keep_every_session_valid()
    {
        var user = await CreateUserAsync();
        using var client = CreateClient(handleCookies: false);

        var logins = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            client.PostAsJsonAsync("/api/v1/users/login", new { username = user.Username, password = user.Password })));
        Assert.That(logins.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
        var refreshTokens = await Task.WhenAll(logins.Select(async r => (await ReadJsonAsync(r))["data"]!["refreshToken"]!.GetValue<string>()));

        var refreshes = await Task.WhenAll(refreshTokens.Select(token =>
            client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = token })));
        Assert.That(refreshes.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.OK));
        var rotated = await Task.WhenAll(refreshes.Select(async r => (await ReadJsonAsync(r))["data"]!));

        // Every session is independent and still usable: its access token works and its new refresh token rotates again.
        var checks = await Task.WhenAll(rotated.Select(async data =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/current-user");
            request.Headers.Authorization = new("Bearer", data["accessToken"]!.GetValue<string>());
            var current = await client.SendAsync(request);
            var again = await client.PostAsJsonAsync("/api/v1/users/refresh-token", new { refreshToken = data["refreshToken"]!.GetValue<string>() });
            return (current.StatusCode, again.StatusCode);
        }));
        Assert.That(checks, Has.All.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));

        var families = await WithDbAsync(db => db.RefreshTokens
            .Where(t => t.UserId == user.Id && t.RevokedAt == null).Select(t => t.FamilyId).Distinct().CountAsync());
        Assert.That(families, Is.EqualTo(51), "the 50 logins plus the set-up login each keep one live token");
    }
}
