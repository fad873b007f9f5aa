using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VideoTube.Infrastructure.Data;

namespace VideoTube.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server owned by one test class, started with scripts/local-postgres.sh, so outage drills can really
/// stop and restart it without disturbing the shared server the other tests use.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _script;
    private readonly Dictionary<string, string> _environment;

    private PrivatePostgres(string script, int port, string directory)
    {
        _script = script;
        _environment = new() { ["VIDEOTUBE_PG_PORT"] = port.ToString(), ["VIDEOTUBE_PG_DIR"] = directory };
        ConnectionString = $"Host=127.0.0.1;Port={port};Database=videotube;Username=postgres;Password=postgres;Timeout=5;Command Timeout=10";
    }

    public string ConnectionString { get; }

    /// <summary>Starts a migrated server, or returns null where this machine cannot run one (no binaries, not root).</summary>
    public static async Task<PrivatePostgres?> TryStartAsync(int port)
    {
        var script = FindScript();
        if (script is null) return null;
        var server = new PrivatePostgres(script, port, Path.Combine(Path.GetTempPath(), $"videotube-pg-drill-{port}"));
        if (!await server.RunAsync("start")) return null;

        await using (var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE videotube", admin);
            await create.ExecuteNonQueryAsync();
        }
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        VideoTube.Infrastructure.DependencyInjection.ConfigureDbContext(options, server.ConnectionString);
        await using (var context = new ApplicationDbContext(options.Options))
            await context.Database.MigrateAsync();
        return server;
    }

    public async Task PauseAsync()
    {
        if (!await RunAsync("pause")) throw new InvalidOperationException("Could not stop the drill server");
    }

    public async Task ResumeAsync()
    {
        if (!await RunAsync("resume")) throw new InvalidOperationException("Could not restart the drill server");
    }

    /// <summary>SIGSTOPs the server and its backends: connections stay open and nothing answers, as in a real stall.</summary>
    public async Task FreezeAsync()
    {
        if (!await RunAsync("freeze")) throw new InvalidOperationException("Could not freeze the drill server");
    }

    public async Task ThawAsync()
    {
        if (!await RunAsync("thaw")) throw new InvalidOperationException("Could not thaw the drill server");
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("thaw"); // a stopped server cannot be shut down; harmless when it runs
        NpgsqlConnection.ClearAllPools();
        await RunAsync("stop");
    }

    private async Task<bool> RunAsync(string verb)
    {
        var start = new ProcessStartInfo("bash", [_script, verb]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0)
            TestContext.Progress.WriteLine($"local-postgres.sh {verb} failed: {await output}{await error}");
        return process.ExitCode == 0;
    }

    internal static string? FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "scripts", "local-postgres.sh");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
