using Npgsql;

namespace VideoTube.Infrastructure.Data;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations at start-up; defaults to true in Development only.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>
    /// How long one SQL command may run before it is abandoned and the request answers 503. A stalled database must
    /// not hold every request (and every pooled connection) for as long as it stalls.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long opening a connection (or waiting for a free pooled one) may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long /health/ready waits for the database before it answers 503.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    internal bool HasValidTimeouts =>
        CommandTimeout >= TimeSpan.FromSeconds(1) && CommandTimeout <= TimeSpan.FromMinutes(10)
        && ConnectTimeout >= TimeSpan.FromSeconds(1) && ConnectTimeout <= TimeSpan.FromMinutes(10)
        && ReadinessTimeout > TimeSpan.Zero && ReadinessTimeout <= TimeSpan.FromSeconds(30);

    /// <summary>The connection string with these timeouts, which win over any the string itself names.</summary>
    public string Apply(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Timeout = WholeSeconds(ConnectTimeout),
        CommandTimeout = WholeSeconds(CommandTimeout),
    }.ConnectionString;

    private static int WholeSeconds(TimeSpan value) => (int)Math.Ceiling(value.TotalSeconds);
}
