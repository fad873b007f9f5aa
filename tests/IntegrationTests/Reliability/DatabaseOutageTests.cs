using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

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
        // Production-like timeouts: a stalled database must fail requests within seconds.
        _factory = new VideoTubeApiFactory(_server.ConnectionString, _mediaRoot, new Dictionary<string, string?>
        {
            ["Database:CommandTimeout"] = "00:00:03",
            ["Database:ConnectTimeout"] = "00:00:03",
        });
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
        await AssertRecoversAsync(client);
        await AssertRecoversAsync(() => client.PostAsJsonAsync("/api/v1/users/login", new { username, password = Forms.Password }));
    }

    [Test, CancelAfter(180_000)]
    public async Task Stalled_database_answers_503_fast_applies_no_write_twice_and_recovers()
    {
        using var anonymous = _factory!.CreateClient(new() { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        anonymous.Timeout = TimeSpan.FromSeconds(30);
        var username = $"stall{Guid.NewGuid():N}"[..20];
        Assert.That((await anonymous.PostAsync("/api/v1/users/register", Forms.Registration(username))).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        var login = await anonymous.PostAsJsonAsync("/api/v1/users/login", new { username, password = Forms.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["accessToken"]!.GetValue<string>();
        using var client = _factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.That((await client.GetAsync("/api/v1/videos")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "warm the pool");
        var content = $"during the stall {Guid.NewGuid():N}";

        await _server!.FreezeAsync();
        try
        {
            // Generous bounds that only catch hanging (the stall lasts until thawed); the real figures are seconds.
            await AssertFailsFastAsync(() => anonymous.GetAsync("/health/ready"), envelope: false);
            await AssertFailsFastAsync(() => client.GetAsync("/api/v1/videos"), envelope: true);
            await AssertFailsFastAsync(() => client.PostAsJsonAsync("/api/v1/tweets", new { content }), envelope: true);
            Assert.That((await anonymous.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            await _server.ThawAsync();
        }

        // Connections broken by the stall are dropped one by one; a request may still meet one.
        await AssertRecoversAsync(anonymous);
        await AssertRecoversAsync(() => client.GetAsync("/api/v1/videos"));
        var tweet = await client.PostAsJsonAsync("/api/v1/tweets", new { content = "after the stall" });
        Assert.That(tweet.StatusCode, Is.EqualTo(HttpStatusCode.Created), await tweet.Content.ReadAsStringAsync());
        var relogin = await anonymous.PostAsJsonAsync("/api/v1/users/login", new { username, password = Forms.Password });
        Assert.That(relogin.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // The 503 write may or may not have landed when the server woke up (the client cannot know), but never twice:
        // nothing retries a write on its own.
        // Unpooled: the pool of this connection string still holds connections the earlier drill restart killed.
        await using var connection = new Npgsql.NpgsqlConnection(_server.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM tweets WHERE content = @content", connection);
        count.Parameters.AddWithValue("content", content);
        Assert.That((long)(await count.ExecuteScalarAsync())!, Is.LessThanOrEqualTo(1));
    }

    [Test, CancelAfter(120_000)]
    public async Task Views_buffered_during_an_outage_are_kept_and_stored_once_it_ends()
    {
        using var client = _factory!.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        client.Timeout = TimeSpan.FromSeconds(20);
        var username = $"views{Guid.NewGuid():N}"[..20];
        Assert.That((await client.PostAsync("/api/v1/users/register", Forms.Registration(username))).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        var login = await client.PostAsJsonAsync("/api/v1/users/login", new { username, password = Forms.Password });
        var ownerId = Guid.Parse((await login.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["user"]!["_id"]!.GetValue<string>());
        var video = new VideoTube.Domain.Entities.Video
        {
            OwnerId = ownerId, Title = "drill", Description = "drill", VideoFileKey = "videos/drill.mp4", ThumbnailKey = "images/drill.png",
        };
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VideoTube.Infrastructure.Data.ApplicationDbContext>();
            db.Videos.Add(video);
            await db.SaveChangesAsync();
        }
        var views = _factory.Services.GetRequiredService<VideoTube.Infrastructure.Views.BufferedViewCounter>();
        Assert.That((await client.GetAsync($"/api/v1/videos/{video.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await _server!.PauseAsync();
        try
        {
            Assert.CatchAsync(() => views.FlushAsync(CancellationToken.None));
        }
        finally
        {
            await _server.ResumeAsync();
        }

        // The first attempts may meet pooled connections that died with the server.
        var stored = false;
        for (var attempt = 0; attempt < 10 && !stored; attempt++)
        {
            try { await views.FlushAsync(CancellationToken.None); stored = true; }
            catch (Exception) when (attempt < 9) { await Task.Delay(250); }
        }
        await using var connection = new Npgsql.NpgsqlConnection(_server.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var read = new Npgsql.NpgsqlCommand("SELECT views FROM videos WHERE id = @id", connection);
        read.Parameters.AddWithValue("id", video.Id);
        Assert.That((long)(await read.ExecuteScalarAsync())!, Is.EqualTo(1), "kept through the failed flush, stored once");
    }

    /// <summary>Readiness turns 200 again within a bounded number of polls.</summary>
    private static Task AssertRecoversAsync(HttpClient client) => AssertRecoversAsync(async () =>
    {
        var response = await client.GetAsync("/health/ready");
        if (response.StatusCode != HttpStatusCode.OK) await Task.Delay(250);
        return response;
    }, attempts: 40);

    /// <summary>A request succeeds within a bounded number of attempts (its first ones may meet a broken connection).</summary>
    private static async Task AssertRecoversAsync(Func<Task<HttpResponseMessage>> send, int attempts = 10)
    {
        HttpResponseMessage response = new(HttpStatusCode.ServiceUnavailable);
        for (var attempt = 0; attempt < attempts && !response.IsSuccessStatusCode; attempt++)
            response = await send();
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertFailsFastAsync(Func<Task<HttpResponseMessage>> send, bool envelope)
    {
        var started = DateTime.UtcNow;
        var response = await send();
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), text);
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(15)), "must fail fast, not hang");
        if (envelope)
        {
            var body = JsonNode.Parse(text)!;
            Assert.That(body["success"]!.GetValue<bool>(), Is.False);
            Assert.That(body["statusCode"]!.GetValue<int>(), Is.EqualTo(503));
        }
    }
}
