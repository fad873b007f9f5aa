using Npgsql;

namespace VideoTube.Seeder;

/// <summary>
/// Loads the way pg_restore does: foreign keys and secondary indexes are dropped before the COPYs and recreated
/// after them. Maintaining a dozen B-trees and a per-row foreign-key trigger for 10 million rows dominates a bulk
/// load, while building an index once over loaded data is a sort, and checking a foreign key once is one join.
/// Primary keys stay: the unique pairs they guard are cheap to keep, and the schema keeps its identity throughout.
/// </summary>
public sealed class DeferredIndexes
{
    private readonly NpgsqlConnection _connection;
    private readonly List<string> _indexes;
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys;

    private DeferredIndexes(NpgsqlConnection connection, List<string> indexes,
        List<(string Table, string Name, string Definition)> foreignKeys)
    {
        _connection = connection;
        _indexes = indexes;
        _foreignKeys = foreignKeys;
    }

    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyCollection<string> tables)
    {
        var names = tables.ToArray();
        var foreignKeys = new List<(string, string, string)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.conrelid::regclass::text = ANY(@tables)
            """, connection))
        {
            command.Parameters.AddWithValue("tables", names);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

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
        CopyWriter.Log($"Deferred {indexes.Count} indexes and {foreignKeys.Count} foreign keys until the data is loaded.");
        return new DeferredIndexes(connection, indexes, foreignKeys);
    }

    public async Task RestoreAsync()
    {
        CopyWriter.Log($"Building {_indexes.Count} indexes and checking {_foreignKeys.Count} foreign keys...");
        foreach (var definition in _indexes)
            await Sql.ExecuteAsync(_connection, definition, timeoutSeconds: 0);
        foreach (var (table, name, definition) in _foreignKeys)
            await Sql.ExecuteAsync(_connection, $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}", timeoutSeconds: 0);
    }
}
