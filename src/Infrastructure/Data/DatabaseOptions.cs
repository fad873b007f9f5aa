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

    /// <summary>
    /// How many distinct statements each connection keeps prepared on the server (Npgsql's <c>Max Auto Prepare</c>):
    /// a prepared statement skips parsing and planning on every later use, which is most of a short read's cost.
    /// 0 turns it off (needed behind a pooler in transaction mode that does not track prepared statements).
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 64;

    /// <summary>How often a statement must run on a connection before it is prepared (<c>Auto Prepare Min Usages</c>).</summary>
    public int AutoPrepareMinUsages { get; set; } = 2;

    /// <summary>
    /// PostgreSQL's <c>plan_cache_mode</c> for the API's sessions: <c>auto</c> (PostgreSQL's default) or
    /// <c>force_generic_plan</c>, which stops prepared statements with a parameterized LIMIT/OFFSET from being re-planned
    /// on every run. Left at <c>auto</c> until measured at full scale (README, "Prepared statements and plans").
    /// </summary>
    public string PlanCacheMode { get; set; } = "auto";

    /// <summary>
    /// The most connections one instance's requests hold at once (Npgsql's <c>Maximum Pool Size</c>); a request that
    /// finds none free waits up to <see cref="ConnectTimeout"/>. Unset: four per processor of the instance. PostgreSQL
    /// runs one process per connection, so more connections than the CPUs can serve only take turns on them, and the
    /// unlucky ones make the tail: on 2 cores shared with PostgreSQL, 8 instead of Npgsql's 100 took the subscription
    /// feed's p99 from 297 to 27 ms at equal or higher requests per second (bench/RESULTS.md, ADR-015). Raise it when PostgreSQL has
    /// many more cores than the instance or the network adds latency. Connections held while a client sends a body (a
    /// tus PATCH) are not counted here (<c>Uploads:MaxConcurrentWrites</c>).
    /// </summary>
    public int? MaxPoolSize { get; set; }

    internal int EffectiveMaxPoolSize => MaxPoolSize ?? 4 * Environment.ProcessorCount;

    internal bool HasValidPoolSize => MaxPoolSize is null or (>= 1 and <= 1000);

    internal bool HasValidAutoPrepare =>
        MaxAutoPrepare is >= 0 and <= 4096 && AutoPrepareMinUsages is >= 1 and <= 1000
        && PlanCacheMode is "auto" or "force_generic_plan" or "force_custom_plan";

    internal bool HasValidTimeouts =>
        CommandTimeout >= TimeSpan.FromSeconds(1) && CommandTimeout <= TimeSpan.FromMinutes(10)
        && ConnectTimeout >= TimeSpan.FromSeconds(1) && ConnectTimeout <= TimeSpan.FromMinutes(10)
        && ReadinessTimeout > TimeSpan.Zero && ReadinessTimeout <= TimeSpan.FromSeconds(30);

    /// <summary>
    /// The connection string with these timeouts, pool and preparation settings, which win over any the string itself
    /// names.
    /// </summary>
    public string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = WholeSeconds(ConnectTimeout),
            CommandTimeout = WholeSeconds(CommandTimeout),
            MaxAutoPrepare = MaxAutoPrepare,
            AutoPrepareMinUsages = AutoPrepareMinUsages,
            MaxPoolSize = EffectiveMaxPoolSize,
            // A connection returned to the pool is not reset (RESET ALL, UNLISTEN, unlocking advisory locks: five
            // statements parsed on the next checkout, every request). Nothing here leaves session state behind:
            // advisory locks are transaction-scoped, LISTEN has its own unpooled connection, and upload claims (session
            // locks) have a pool of their own that turns this back on.
            NoResetOnClose = true,
        };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        // Sent once per physical connection as a startup parameter: no round trip per request.
        if (PlanCacheMode != "auto")
            builder.Options = $"{builder.Options} -c plan_cache_mode={PlanCacheMode}".Trim();
        return builder.ConnectionString;
    }

    private static int WholeSeconds(TimeSpan value) => (int)Math.Ceiling(value.TotalSeconds);
}
