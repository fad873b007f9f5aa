using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace VideoTube.IntegrationTests.Infrastructure;

/// <summary>
/// s3rver (an S3 emulator from npm) on a free loopback port with a private data folder, started and stopped by the
/// test class that owns it. <see cref="IsInstalled"/> is false without it (npm install -g s3rver).
/// </summary>
public sealed class S3rver : IDisposable
{
    public const string Bucket = "videotube";
    public const string Credential = "S3RVER"; // s3rver's fixed access and secret key

    private readonly int _port = FreePort();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "videotube-s3rver", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public static bool IsInstalled => Videos.VideoFiles.IsOnPath("s3rver");

    public string ServiceUrl => $"http://127.0.0.1:{_port}";

    /// <summary>The API's settings for this store.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Storage:S3:Bucket"] = Bucket,
        ["Storage:S3:AccessKey"] = Credential,
        ["Storage:S3:SecretKey"] = Credential,
        ["Storage:S3:ForcePathStyle"] = "true",
    };

    /// <summary>Starts it, or marks the calling test class ignored where s3rver is not installed.</summary>
    public Task StartOrIgnoreAsync()
    {
        if (!IsInstalled)
            Assert.Ignore("s3rver is not installed (npm install -g s3rver)");
        return StartAsync();
    }

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var start = new ProcessStartInfo("s3rver") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--directory", _dataDirectory, "--address", "127.0.0.1", "--port", _port.ToString(),
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
                await probe.ConnectAsync(IPAddress.Loopback, _port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The bucket's keys, or only those under <paramref name="prefix"/>.</summary>
    public async Task<List<string>> ListKeysAsync(string? prefix = null)
    {
        using var client = new AmazonS3Client(new BasicAWSCredentials(Credential, Credential),
            new AmazonS3Config { ServiceURL = ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix });
        return (response.S3Objects ?? []).Select(o => o.Key).ToList();
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
