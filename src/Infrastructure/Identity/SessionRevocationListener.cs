using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using VideoTube.Infrastructure.Data;

namespace VideoTube.Infrastructure.Identity;

/// <summary>
/// Holds one dedicated connection that LISTENs on <see cref="SessionValidityCache.Channel"/> and evicts each ended
/// session from <see cref="SessionValidityCache"/>. It never blocks start-up (a web instance starts while the database
/// is down); while it is not listening the cache is bypassed, and it reconnects on its own.
/// </summary>
public sealed class SessionRevocationListener(
    SessionValidityCache cache,
    IConfiguration configuration,
    IOptions<DatabaseOptions> database,
    IOptions<SessionsOptions> options,
    ILogger<SessionRevocationListener> logger) : BackgroundService
{
    public const string ApplicationName = "videotube-session-listener";

    /// <summary>
    /// A quiet connection is pinged this often: a peer that vanished without closing the socket would otherwise look
    /// like a listener that simply hears nothing.
    /// </summary>
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ValidityCacheTtl <= TimeSpan.Zero)
            return;
        var retryDelay = TimeSpan.FromMilliseconds(250);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                connection.Notification += (_, notification) =>
                {
                    if (Guid.TryParse(notification.Payload, out var sessionId))
                        cache.Revoked(sessionId);
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {SessionValidityCache.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                cache.StartListening();
                if (failing)
                    logger.LogInformation("Listening for session revocations again; the session cache is back in use");
                failing = false;
                retryDelay = TimeSpan.FromMilliseconds(250);

                while (true)
                {
                    if (await connection.WaitAsync(PingInterval, stoppingToken))
                        continue;
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(stoppingToken);
                    cache.Prune();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                cache.StopListening();
                return;
            }
            catch (Exception exception)
            {
                cache.StopListening();
                if (!failing)
                    logger.LogWarning(exception,
                        "Not listening for session revocations; every session check asks the database until it is back");
                failing = true;
            }

            try { await Task.Delay(retryDelay, stoppingToken); }
            catch (OperationCanceledException) { return; }
            retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    /// <summary>Unpooled: LISTEN belongs to one session, and a pooled connection would be reset on its return.</summary>
    private string ConnectionString() =>
        new NpgsqlConnectionStringBuilder(DependencyInjection.ApplicationConnectionString(configuration, database.Value))
        {
            Pooling = false,
            Enlist = false,
            ApplicationName = ApplicationName,
        }.ConnectionString;
}
