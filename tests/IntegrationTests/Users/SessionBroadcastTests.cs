using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VideoTube.Infrastructure.Identity;

namespace VideoTube.IntegrationTests.Users;

/// <summary>
/// Two API instances over one database, each caching session checks for ten minutes: only the NOTIFY broadcast can
/// make instance B refuse a token that was logged out (or whose password changed) on instance A.
/// </summary>
public sealed class SessionBroadcastTests : ApiTestBase
{
    private static readonly Dictionary<string, string?> LongCache = new() { ["Sessions:ValidityCacheTtl"] = "00:10:00" };

    private VideoTubeApiFactory _other = null!;
    private string _otherMedia = string.Empty;

    protected override IDictionary<string, string?> Settings => LongCache;

    [OneTimeSetUp]
    public async Task StartSecondInstanceAsync()
    {
        _otherMedia = Path.Combine(Path.GetTempPath(), "videotube-tests", Guid.NewGuid().ToString("N"));
        _other = new VideoTubeApiFactory(ConnectionString, _otherMedia, LongCache);
        _ = _other.Server;
        await WaitUntilListeningAsync(Factory);
        await WaitUntilListeningAsync(_other);
    }

    [OneTimeTearDown]
    public async Task StopSecondInstanceAsync()
    {
        await _other.DisposeAsync();
        if (Directory.Exists(_otherMedia))
            Directory.Delete(_otherMedia, recursive: true);
    }

    [Test]
    public async Task Logout_on_one_instance_ends_the_token_on_the_other()
    {
        var user = await CreateUserAsync();
        using var onB = await CachedOnSecondInstanceAsync(user);

        Assert.That((await user.Client.PostAsync("/api/v1/users/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await AssertRefusedSoonAsync(onB);
    }

    [Test]
    public async Task Password_change_on_one_instance_ends_the_token_on_the_other()
    {
        var user = await CreateUserAsync();
        using var onB = await CachedOnSecondInstanceAsync(user);

        var change = await user.Client.PostAsJsonAsync("/api/v1/users/change-password",
            new { oldPassword = user.Password, newPassword = "a-brand-new-password" });
        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await AssertRefusedSoonAsync(onB);
    }

    [Test]
    public async Task A_revocation_while_the_listener_is_down_is_not_missed()
    {
        var user = await CreateUserAsync();
        using var onB = await CachedOnSecondInstanceAsync(user);

        // Both instances lose their listening connection; the logout's notification may go to nobody.
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()",
                connection);
            kill.Parameters.AddWithValue("name", SessionRevocationListener.ApplicationName);
            Assert.That((long)(await kill.ExecuteScalarAsync())!, Is.EqualTo(2));
        }
        Assert.That((await user.Client.PostAsync("/api/v1/users/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await AssertRefusedSoonAsync(onB);
        await WaitUntilListeningAsync(_other);
        await AssertRefusedSoonAsync(onB);
    }

    /// <summary>A client of instance B with the user's token, whose session B has checked once and now serves from memory.</summary>
    private async Task<HttpClient> CachedOnSecondInstanceAsync(TestUser user)
    {
        await WaitUntilListeningAsync(Factory);
        await WaitUntilListeningAsync(_other);
        var client = _other.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), HandleCookies = false,
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        Assert.That((await client.GetAsync("/api/v1/users/current-user")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _other.SqlCommands.Reset();
        Assert.That((await client.GetAsync("/api/v1/users/current-user")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_other.SqlCommands.SessionChecks, Is.Empty, "B answers the session check from memory");
        return client;
    }

    /// <summary>Polls B (bounded) until it refuses the token; the time it took is reported, not asserted.</summary>
    private static async Task AssertRefusedSoonAsync(HttpClient onB)
    {
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response = new(HttpStatusCode.OK);
        for (var poll = 0; poll < 300 && response.StatusCode == HttpStatusCode.OK; poll++)
        {
            response = await onB.GetAsync("/api/v1/users/current-user");
            if (response.StatusCode == HttpStatusCode.OK)
                await Task.Delay(50);
        }
        TestContext.Out.WriteLine($"instance B refused the token after {clock.ElapsedMilliseconds} ms");
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.Unauthorized), Is.EqualTo("Session has ended; log in again"));
    }

    internal static async Task WaitUntilListeningAsync(VideoTubeApiFactory factory)
    {
        var cache = factory.Services.GetRequiredService<SessionValidityCache>();
        for (var poll = 0; poll < 600 && !cache.IsListening; poll++)
            await Task.Delay(50);
        Assert.That(cache.IsListening, Is.True, "the instance listens for revocations");
    }
}
