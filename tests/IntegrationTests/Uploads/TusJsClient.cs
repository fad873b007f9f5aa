using System.Diagnostics;

namespace VideoTube.IntegrationTests.Uploads;

/// <summary>
/// Runs <c>TusClient/upload.mjs</c> (tus-js-client, the reference tus client) in its own node process. The package is
/// installed by <c>scripts/install-test-tools.sh</c> (<c>npm install --prefix tests/IntegrationTests/Uploads/TusClient</c>).
/// </summary>
public static class TusJsClient
{
    public static string Folder { get; } = FindFolder();

    /// <summary>Why the client cannot run here, or null when node and tus-js-client are installed.</summary>
    public static string? MissingReason =>
        !Videos.VideoFiles.IsOnPath("node") ? "node is not installed"
        : !Directory.Exists(Path.Combine(Folder, "node_modules", "tus-js-client"))
            ? $"tus-js-client is not installed (npm install --prefix {Folder})"
            : null;

    /// <summary>Runs one client process to its end (or its self-inflicted SIGKILL); returns its exit code and stdout lines.</summary>
    public static async Task<(int ExitCode, string[] Lines, string Errors)> RunAsync(Uri endpoint, string file, string token,
        string? uploadUrl = null, long? killAfterBytes = null, int? chunkSize = null)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "upload.mjs", endpoint.ToString(), file, token, uploadUrl ?? "-",
                     killAfterBytes?.ToString() ?? "", chunkSize?.ToString() ?? "" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"tus-js-client did not finish: {await output} {await errors}");
        }
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (process.ExitCode, lines, await errors);
    }

    /// <summary>The values of the lines "<paramref name="name"/> value" the script printed.</summary>
    public static IEnumerable<string> Values(IEnumerable<string> lines, string name) =>
        lines.Where(line => line.StartsWith(name + " ", StringComparison.Ordinal)).Select(line => line[(name.Length + 1)..]);

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "VideoTube.sln")))
                return Path.Combine(directory.FullName, "tests", "IntegrationTests", "Uploads", "TusClient");
        return Path.Combine(AppContext.BaseDirectory, "TusClient");
    }
}
