using Npgsql;

namespace VideoTube.Seeder;

/// <summary>
/// Loads the way pg_restore does: foreign keys and secondary indexes are dropped before the COPYs and recreated
/// after them. Maintaining a dozen B-trees and a per-row foreign-key trigger for 10 million rows dominates a bulk
/// load, while building an index once over loaded data is a sort, and checking a foreign key once is one join.
/// Primary keys and unique constraints go too: at scale 10 the random-order key of watch_history (user, video) alone
/// costs minutes of B-tree page splits during the COPY, against seconds for one sorted build afterwards; a duplicate
/// the seeder should never produce still fails loudly when the key is added back.
/// </summary>
public sealed class DeferredIndexes
{
    private readonly NpgsqlConnection _connection;
    private readonly List<string> _indexes;
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys;
    private readonly List<(string Table, string Name, string Definition)> _keys;

    private DeferredIndexes(NpgsqlConnection connection, List<string> indexes,
        List<(string Table, string Name, string Definition)> foreignKeys,
        List<(string Table, string Name, string Definition)> keys)
    {
        _connection = connection;
        _indexes = indexes;
        _foreignKeys = foreignKeys;
        _keys = keys;
    }

    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyCollection<string> tables)
    {
        var names = tables.ToArray();
        // Every foreign key that points at or from a seeded table: a key cannot be dropped while one references it.
        var foreignKeys = await ConstraintsAsync(connection, names, """
            c.contype = 'f' AND (c.conrelid::regclass::text = ANY(@tables) OR c.confrelid::regclass::text = ANY(@tables))
            """);
        var keys = await ConstraintsAsync(connection, names,
            "c.contype IN ('p', 'u') AND c.conrelid::regclass::text = ANY(@tables)");

        // Indexes that back no constraint: unique indexes created by EF Core are plain indexes, so they are rebuilt
        // too, and a duplicate the seeder should never produce still fails loudly at the rebuild.
        var indexes = new List<string>();
        var indexNames = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid::regclass::text = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, connection))
        {
            command.Parameters.AddWithValue("tables", names);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexNames.Add(reader.GetString(0));
                indexes.Add(reader.GetString(1));
            }
        }

        foreach (var (table, name, _) in foreignKeys)
            await Sql.ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"");
        foreach (var name in indexNames)
            await Sql.ExecuteAsync(connection, $"DROP INDEX {name}");
        foreach (var (table, name, _) in keys)
            await Sql.ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"");
        CopyWriter.Log($"Deferred {keys.Count} keys, {indexes.Count} indexes and {foreignKeys.Count} foreign keys " +
                       "until the data is loaded.");
        return new DeferredIndexes(connection, indexes, foreignKeys, keys);
    }

    private static async Task<List<(string Table, string Name, string Definition)>> ConstraintsAsync(
        NpgsqlConnection connection, string[] tables, string filter)
    {
        var found = new List<(string, string, string)>();
        await using var command = new NpgsqlCommand($"""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.connamespace = 'public'::regnamespace AND {filter}
            ORDER BY c.conrelid::regclass::text, c.conname
            """, connection);
        command.Parameters.AddWithValue("tables", tables);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return found;
    }

    public async Task RestoreAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        CopyWriter.Log($"Building {_keys.Count} keys and {_indexes.Count} indexes, checking {_foreignKeys.Count} " +
                       "foreign keys...");
        // Keys first: the foreign keys need the referenced ones back.
        foreach (var (table, name, definition) in _keys)
            await TimedAsync(name, $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}");
        foreach (var definition in _indexes)
            await TimedAsync(definition[(definition.IndexOf(" INDEX ", StringComparison.Ordinal) + 7)..].Split(' ')[0], definition);
        foreach (var (table, name, definition) in _foreignKeys)
            await TimedAsync(name, $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}");
        CopyWriter.Log($"  keys, indexes and foreign keys: {clock.Elapsed.TotalSeconds:F1}s");
    }

    /// <summary>Names the slow builds (over 2 s), so a large scale shows where its time goes.</summary>
    private async Task TimedAsync(string name, string sql)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Sql.ExecuteAsync(_connection, sql, timeoutSeconds: 0);
        if (clock.Elapsed.TotalSeconds > 2)
            CopyWriter.Log($"  {name}: {clock.Elapsed.TotalSeconds:F1}s");
    }
}
