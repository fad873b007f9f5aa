using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>
/// Issue 10, reproductions 2 and 3: every guess counts atomically (also 100 in parallel), unknown and known names are
/// throttled alike, each 429 says when to retry, and an attacker's failures from one client do not lock the owner out
/// from another. Client addresses are set on the request, as the server would see them.
/// </summary>
public sealed class LoginGuessingTests : ApiTestBase
{
    private const int PerClient = 5;
    private const int PerAccount = 12;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LoginThrottle:MaxAttemptsPerClient"] = PerClient.ToString(),
        ["LoginThrottle:MaxAttemptsPerAccount"] = PerAccount.ToString(),
    };

    [Test, CancelAfter(120_000)]
    public async Task Hundred_parallel_wrong_guesses_get_at_most_the_threshold_of_verdicts_and_every_refusal_says_when_to_retry()
    {
        var user = await CreateUserAsync();
        var attacker = IPAddress.Parse("203.0.113.10");

        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => LoginAsync(attacker, user.Username, "wrong-password")));

        Assert.That(replies.Count(r => r.Status == 401), Is.EqualTo(PerClient), "password verdicts");
        Assert.That(replies.Count(r => r.Status == 429), Is.EqualTo(100 - PerClient));
        Assert.That(replies.Where(r => r.Status == 429).Select(r => r.RetryAfter), Has.All.Not.Null);
        Assert.That((await LoginAsync(attacker, user.Username, user.Password)).Status, Is.EqualTo(429),
            "the right password from the attacking client is refused too");

        var owner = await LoginAsync(IPAddress.Parse("198.51.100.7"), user.Username, user.Password);
        Assert.That(owner.Status, Is.EqualTo(200), "the owner elsewhere is not locked out");
    }

    [Test]
    public async Task Unknown_and_known_names_answer_alike_through_the_lockout()
    {
        var user = await CreateUserAsync();
        var client = IPAddress.Parse("203.0.113.20");

        var ghost = UniqueName("ghost");

        var known = new List<(int, string, bool)>();
        var unknown = new List<(int, string, bool)>();
        for (var attempt = 0; attempt <= PerClient; attempt++)
        {
            var k = await LoginAsync(client, user.Username, "wrong-password");
            var u = await LoginAsync(client, ghost, "wrong-password");
            known.Add((k.Status, k.Message, k.RetryAfter is null));
            unknown.Add((u.Status, u.Message, u.RetryAfter is null));
        }
        Assert.That(unknown, Is.EqualTo(known));
        Assert.That(known[^1].Item1, Is.EqualTo(429));
    }

    [Test, CancelAfter(120_000)]
    public async Task Guesses_from_many_clients_stop_at_the_per_account_ceiling()
    {
        var user = await CreateUserAsync();
        var clients = Enumerable.Range(1, 4).Select(i => IPAddress.Parse($"192.0.2.{i}")).ToList();

        var replies = await Task.WhenAll(clients.SelectMany(ip =>
            Enumerable.Range(0, PerClient).Select(_ => LoginAsync(ip, user.Username, "wrong-password"))));

        Assert.That(replies.Count(r => r.Status == 401), Is.EqualTo(PerAccount));
        Assert.That(replies.Count(r => r.Status == 429), Is.EqualTo(clients.Count * PerClient - PerAccount));
    }

    private sealed record Reply(int Status, string Message, string? RetryAfter);

    /// <summary>A login as the server sees it from <paramref name="client"/> (TestServer lets the test set the address).</summary>
    private async Task<Reply> LoginAsync(IPAddress client, string username, string password)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { username, password });
        var context = await Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Scheme = "https";
            c.Request.Host = new HostString("localhost");
            c.Request.Path = "/api/v1/users/login";
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            c.Connection.RemoteIpAddress = client;
        });
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        var json = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var retryAfter = context.Response.Headers.RetryAfter.ToString();
        return new Reply(context.Response.StatusCode, json["message"]!.GetValue<string>(),
            string.IsNullOrEmpty(retryAfter) ? null : retryAfter);
    }
}
