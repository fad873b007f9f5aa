using Npgsql;

namespace VideoTube.Seeder;

/// <summary>Session settings and preparation that make a scale-10 load (about 30 million rows) fit in minutes.</summary>
public static class BulkLoad
{
    /// <summary>
    /// The load is restartable with --reset, so commits need not wait for the disk. The deferred index builds sort
    /// up to 10 million keys each: with PostgreSQL's 64 MB default they spill to disk in many runs; 1 GB (this
    /// session only, shared by the parallel build's workers) sorts the largest in a few passes.
    /// </summary>
    public static Task ConfigureSessionAsync(NpgsqlConnection connection) => Sql.ExecuteAsync(connection,
        "SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2");

    /// <summary>
    /// COPY ... FREEZE needs each table truncated in the same transaction. The tables are known to be empty here (or
    /// were just emptied by --reset), so this changes no data; CASCADE covers the empty tables that point at them.
    /// </summary>
    public static Task TruncateForFreezeAsync(NpgsqlConnection connection, IEnumerable<string> tables) =>
        Sql.ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", tables)} CASCADE", timeoutSeconds: 0);
}
