using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VideoTube.IntegrationTests.Reliability;

/// <summary>
/// scripts/local-postgres.sh (used by run-local.sh and test.sh) must never adopt, and so never stop, a server it did
/// not start: a taken port is refused before anything is created or stopped.
/// </summary>
public sealed class LocalPostgresScriptTests
{
    [Test]
    public async Task Start_refuses_a_port_that_another_process_holds_and_leaves_it_alone()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var directory = Path.Combine(Path.GetTempPath(), $"videotube-pg-refusal-{Guid.NewGuid():N}");

        var (exitCode, output) = await RunScriptAsync("start", port, directory);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(output, Does.Contain($"port {port} is already in use"));
            Assert.That(Directory.Exists(directory), Is.False, "nothing was created for a refused start");
        });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        Assert.That(client.Connected, "the other process still owns its port");
    }

    [Test]
    public async Task Stop_and_pause_without_a_server_of_their_own_touch_nothing()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var directory = Path.Combine(Path.GetTempPath(), $"videotube-pg-none-{Guid.NewGuid():N}");

        Assert.That((await RunScriptAsync("pause", port, directory)).ExitCode, Is.Zero);
        Assert.That((await RunScriptAsync("stop", port, directory)).ExitCode, Is.Zero);

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        Assert.That(client.Connected);
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string verb, int port, string directory)
    {
        var script = PrivatePostgres.FindScript();
        if (script is null || !OperatingSystem.IsLinux())
            Assert.Ignore("needs bash and scripts/local-postgres.sh");
        var start = new ProcessStartInfo("bash", [script!, verb]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["VIDEOTUBE_PG_PORT"] = port.ToString();
        start.Environment["VIDEOTUBE_PG_DIR"] = directory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
