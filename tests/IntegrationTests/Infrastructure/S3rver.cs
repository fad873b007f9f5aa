using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Infrastructure;

/// <summary>
/// s3rver (an S3 emulator from npm) on loopback with one bucket, for the tests of S3 storage. Tests that use it are
/// skipped when s3rver is not installed (npm install -g s3rver).
/// </summary>
public sealed class S3rver : IDisposable
{
    public const string Bucket = "videotube";
    public const string Credential = "S3RVER"; // s3rver's fixed access and secret key

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "videotube-s3rver", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; } = FreePort();

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The API settings that point its storage at this server.</summary>
    public IDictionary<string, string?> StorageSettings() => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Storage:S3:Bucket"] = Bucket,
        ["Storage:S3:AccessKey"] = Credential,
        ["Storage:S3:SecretKey"] = Credential,
        ["Storage:S3:ForcePathStyle"] = "true",
    };

    /// <summary>Starts the server and waits until it accepts connections; ignores the test when s3rver is missing.</summary>
    public async Task StartAsync()
    {
        if (!VideoFiles.IsOnPath("s3rver"))
            Assert.Ignore("s3rver is not installed (npm install -g s3rver)");
        Directory.CreateDirectory(_dataDirectory);
        var start = new ProcessStartInfo("s3rver") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--directory", _dataDirectory, "--address", "127.0.0.1", "--port", Port.ToString(),
                     "--configure-bucket", Bucket, "--silent" })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
            _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
