using System.Net;
using System.Net.Http.Json;

namespace VideoTube.IntegrationTests.Reliability;

/// <summary>
/// Stops the API's PostgreSQL mid-run: probes tell operators the truth, requests fail fast with 503 in the envelope,
/// and everything works again once the database is back.
/// </summary>
[NonParallelizable]
public sealed class DatabaseOutageTests
{
    // Its own port, so that parallel checkouts on one machine can run the drill side by side.
    private static readonly int Port = int.TryParse(Environment.GetEnvironmentVariable("VIDEOTUBE_DRILL_PG_PORT"), out var port) ? port : 55499;
    private PrivatePostgres? _server;
    private VideoTubeApiFactory? _factory;
    private string _mediaRoot = string.Empty;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await PrivatePostgres.TryStartAsync(Port);
        if (_server is null)
            Assert.Ignore("No local PostgreSQL binaries to run an outage drill with.");
        _mediaRoot = Path.Combine(Path.GetTempPath(), "videotube-tests", Guid.NewGuid().ToString("N"));
        _factory = new VideoTubeApiFactory(_server.ConnectionString, _mediaRoot);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(_mediaRoot)) Directory.Delete(_mediaRoot, recursive: true);
    }

    [Test, CancelAfter(120_000)]
    public async Task Outage_answers_503_fast_and_recovers_after_restart()
    {
        using var client = _factory!.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        client.Timeout = TimeSpan.FromSeconds(20);
        var username = $"drill{Guid.NewGuid():N}"[..20];
        var register = await client.PostAsync("/api/v1/users/register", Forms.Registration(username));
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var login = await client.PostAsJsonAsync("/api/v1/users/login", new { username, password = Forms.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await _server!.PauseAsync();
        try
        {
            Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

            var started = DateTime.UtcNow;
            var during = await client.PostAsJsonAsync("/api/v1/users/login", new { username, password = Forms.Password });
            Assert.That(during.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await during.Content.ReadAsStringAsync());
            var body = await during.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            Assert.That(body!["success"]!.GetValue<bool>(), Is.False);
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(15)), "must fail fast, not hang");
            // The login cookie authenticates this call, and its session check needs the database: 503, not a false 401.
            Assert.That((await client.GetAsync("/api/v1/users/current-user")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            await _server.ResumeAsync();
        }

        // Pooled connections died with the server; the first attempts may still fail while the pool heals.
        HttpStatusCode ready = 0;
        for (var attempt = 0; attempt < 20 && ready != HttpStatusCode.OK; attempt++)
        {
            ready = (await client.GetAsync("/health/ready")).StatusCode;
            if (ready != HttpStatusCode.OK) await Task.Delay(250);
        }
        Assert.That(ready, Is.EqualTo(HttpStatusCode.OK));
        HttpResponseMessage after = new(HttpStatusCode.ServiceUnavailable);
        for (var attempt = 0; attempt < 5 && after.StatusCode != HttpStatusCode.OK; attempt++)
            after = await client.PostAsJsonAsync("/api/v1/users/login", new { username, password = Forms.Password });
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
