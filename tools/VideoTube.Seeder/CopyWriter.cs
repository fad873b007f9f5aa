using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace VideoTube.Seeder;

/// <summary>
/// Streams rows into a table with binary COPY, reporting progress on stderr. FREEZE (the table was truncated in the
/// load's transaction, <see cref="BulkLoad"/>) writes the rows frozen and all-visible, so the closing VACUUM need not
/// rewrite every page of ten million rows to set hint bits and the visibility map.
/// </summary>
public static class CopyWriter
{
    public static long Copy(NpgsqlConnection connection, string table, string columns, int count,
        Action<NpgsqlBinaryImporter, int> writeRow)
    {
        var clock = Stopwatch.StartNew();
        var interactive = !Console.IsErrorRedirected;
        var step = Math.Max(1, count / (interactive ? 100 : 4));
        using (var importer = connection.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY, FREEZE)"))
        {
            for (var i = 0; i < count; i++)
            {
                importer.StartRow();
                writeRow(importer, i);
                if ((i + 1) % step == 0 && i + 1 < count)
                    Report(table, i + 1, count, clock.Elapsed, interactive, final: false);
            }
            importer.Complete();
        }
        Report(table, count, count, clock.Elapsed, interactive, final: true);
        return count;
    }

    public static void Log(string message) => Console.Error.WriteLine(message);

    private static void Report(string table, int done, int total, TimeSpan elapsed, bool interactive, bool final)
    {
        var percent = total == 0 ? 100 : done * 100L / total;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  {table,-14} {done,12:N0} / {total,-12:N0} {percent,3}%  {elapsed.TotalSeconds,6:F1}s  {rate,10:N0} rows/s");
        if (interactive)
            Console.Error.Write(final ? $"\r{line}\n" : $"\r{line}");
        else
            Console.Error.WriteLine(line);
    }
}
