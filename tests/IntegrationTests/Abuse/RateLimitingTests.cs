using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>
/// Issue 10, item 4: rapid failed logins from one client are throttled with 429 + Retry-After in the envelope, while
/// other clients (another address, another user) go on unaffected. X-Forwarded-For counts only from a trusted proxy.
/// </summary>
public sealed class RateLimitingTests : ApiTestBase
{
    private const int AuthLimit = 10;
    private const string TrustedProxy = "10.0.0.1";
    private WebApplicationFactory<Program> _peers = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Long windows, so no count resets while a test runs, however slow the machine.
        ["RateLimiting:Auth:PermitLimit"] = AuthLimit.ToString(),
        ["RateLimiting:Auth:Window"] = "00:30:00",
        ["RateLimiting:Writes:PermitLimit"] = "5",
        ["RateLimiting:Writes:Window"] = "00:30:00",
        ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
    };

    [OneTimeSetUp]
    public void StartPeers() => _peers = Factory.WithPeerAddresses();

    [OneTimeTearDown]
    public async Task StopPeersAsync() => await _peers.DisposeAsync();

    [Test]
    public async Task Forty_rapid_failed_logins_for_forty_usernames_are_throttled_but_another_client_is_not()
    {
        using var attacker = _peers.CreatePeerClient("192.0.2.21");
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            attacker.PostAsJsonAsync("/api/v1/users/login", new { username = $"victim{i}", password = "wrong-password" })));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), Is.EqualTo(AuthLimit));
        var throttled = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.That(throttled, Has.Count.EqualTo(40 - AuthLimit));
        foreach (var response in throttled)
        {
            await AssertErrorAsync(response, HttpStatusCode.TooManyRequests);
            Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero), "every 429 says when to retry");
        }

        using var bystander = _peers.CreatePeerClient("192.0.2.22");
        var other = await bystander.PostAsJsonAsync("/api/v1/users/login", new { username = "victim0", password = "wrong-password" });
        await AssertErrorAsync(other, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Behind_a_trusted_proxy_clients_are_told_apart_by_X_Forwarded_For()
    {
        using var proxy = _peers.CreatePeerClient(TrustedProxy);
        var responses = await Task.WhenAll(Enumerable.Range(0, AuthLimit + 5).Select(i =>
            SendLoginAsync(proxy, "203.0.113.5", $"someone{i}")));
        Assert.That(responses.Count(r => r == HttpStatusCode.TooManyRequests), Is.EqualTo(5));

        Assert.That(await SendLoginAsync(proxy, "203.0.113.6", "someone0"), Is.EqualTo(HttpStatusCode.Unauthorized),
            "another client behind the same proxy has its own budget");
    }

    [Test]
    public async Task X_Forwarded_For_from_an_untrusted_peer_is_ignored()
    {
        using var spoofer = _peers.CreatePeerClient("192.0.2.30");
        // A fresh forged address on every request must not buy a fresh budget.
        var responses = await Task.WhenAll(Enumerable.Range(0, AuthLimit + 5).Select(i =>
            SendLoginAsync(spoofer, $"198.51.100.{i + 1}", $"spoofed{i}")));
        Assert.That(responses.Count(r => r == HttpStatusCode.TooManyRequests), Is.EqualTo(5));
    }

    [Test]
    public async Task Writes_are_counted_per_user_so_one_user_does_not_throttle_another_on_the_same_address()
    {
        var busy = await CreateUserAsync();
        var calm = await CreateUserAsync();
        using var busyClient = _peers.CreatePeerClient("192.0.2.40");
        busyClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", busy.AccessToken);
        using var calmClient = _peers.CreatePeerClient("192.0.2.40");
        calmClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", calm.AccessToken);

        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            busyClient.PostAsJsonAsync("/api/v1/tweets", new { content = $"tweet {i}" })));
        Assert.That(burst.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(5));
        Assert.That(burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), Is.EqualTo(3));
        var tweets = await WithDbAsync(db => Task.FromResult(db.Tweets.Count(t => t.OwnerId == busy.Id)));
        Assert.That(tweets, Is.EqualTo(5), "a refused write changes nothing");

        var response = await calmClient.PostAsJsonAsync("/api/v1/tweets", new { content = "unaffected" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        // Reads have their own, generous budget.
        Assert.That((await busyClient.GetAsync($"/api/v1/tweets/user/{busy.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<HttpStatusCode> SendLoginAsync(HttpClient client, string forwardedFor, string username)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users/login")
        {
            Content = JsonContent.Create(new { username, password = "wrong-password" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }
}

/// <summary>With no trusted proxy configured (the default), forwarded headers are off for everyone.</summary>
public sealed class ForwardedHeadersOffTests : ApiTestBase
{
    private WebApplicationFactory<Program> _peers = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Auth:PermitLimit"] = "3",
        ["RateLimiting:Auth:Window"] = "00:30:00",
    };

    [OneTimeSetUp]
    public void StartPeers() => _peers = Factory.WithPeerAddresses();

    [OneTimeTearDown]
    public async Task StopPeersAsync() => await _peers.DisposeAsync();

    [Test]
    public async Task Forwarded_addresses_are_ignored_even_from_loopback()
    {
        using var client = _peers.CreatePeerClient("127.0.0.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users/login")
            {
                Content = JsonContent.Create(new { username = $"nobody{i}", password = "wrong-password" }),
            };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.That(statuses, Is.EqualTo(new[]
        {
            HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests,
        }));
    }
}
