using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Uploads;

/// <summary>
/// Two API instances (A and B, both real HTTP servers) on one database and one storage root, as behind a load
/// balancer without sticky sessions: an upload started on A, cut off mid-request, is resumed on B.
/// </summary>
public sealed class ResumeAcrossInstancesTests : UploadTestBase
{
    private VideoTubeApiFactory _instanceB = null!;
    private Uri _addressB = null!;

    protected override bool UseRealServer => true;

    [OneTimeSetUp]
    public void StartSecondInstance()
    {
        _instanceB = new VideoTubeApiFactory(ConnectionString, Factory.MediaRoot);
        _addressB = _instanceB.StartKestrel();
    }

    [OneTimeTearDown]
    public async Task StopSecondInstanceAsync() => await _instanceB.DisposeAsync();

    private HttpClient ClientOnB(TestUser user)
    {
        var client = new HttpClient { BaseAddress = _addressB };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    [Test]
    public async Task ChunksSentToAThenB_MakeOneVideo()
    {
        var user = await CreateUserAsync();
        using var onB = ClientOnB(user);
        var bytes = VideoFiles.FakeMp4(60_000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);

        Assert.That((await PatchAsync(user.Client, url, 0, bytes[..25_000])).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await OffsetAsync(onB, url), Is.EqualTo(25_000));
        var last = await PatchAsync(onB, url, 25_000, bytes[25_000..]);

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await last.Content.ReadAsStringAsync());
        Assert.That(await DownloadVideoAsync(user, Guid.Parse(Header(last, "X-Video-Id")!)), Is.EqualTo(bytes));
    }

    [Test]
    public async Task OnePatchLargerThanKestrelsDefaultBodyLimit_IsAccepted()
    {
        // Kestrel caps bodies at the largest buffered form (~11 MiB); the PATCH route raises it for itself, as the
        // multipart video route does. Instance B is real Kestrel, where that cap applies.
        var user = await CreateUserAsync();
        using var onB = ClientOnB(user);
        var bytes = VideoFiles.FakeMp4(16 * 1024 * 1024);
        var url = await CreateUploadAsync(user.Client, bytes.Length);

        var last = await PatchAsync(onB, url, 0, bytes);

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await last.Content.ReadAsStringAsync());
        Assert.That(await DownloadVideoAsync(user, Guid.Parse(Header(last, "X-Video-Id")!)), Is.EqualTo(bytes));
    }

    [Test]
    public async Task APatchCutOffMidBody_KeepsTheBytesThatArrived_AndResumesOnB()
    {
        var user = await CreateUserAsync();
        using var onB = ClientOnB(user);
        var bytes = VideoFiles.FakeMp4(300_000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);

        // A client that announces the whole file, sends 120,000 bytes and vanishes.
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(IPAddress.Loopback, ServerAddress!.Port);
            var stream = socket.GetStream();
            var head = $"PATCH {url} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {user.AccessToken}\r\n" +
                       "Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n" +
                       $"Content-Length: {bytes.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes.AsMemory(0, 120_000));
            await stream.FlushAsync();
            // Dies only once instance A is inside the request: Kestrel drops a request whose connection closed before
            // it reached the app, so closing at once would test nothing. A holds the upload's claim while it reads
            // the body.
            await WaitUntilClaimedAsync([url]);
        }

        var offset = await WaitForOffsetAsync(onB, url);
        Assert.That(offset, Is.EqualTo(120_000), "every byte that arrived is kept");
        var last = await PatchAsync(onB, url, offset, bytes[(int)offset..]);

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await last.Content.ReadAsStringAsync());
        Assert.That(await DownloadVideoAsync(user, Guid.Parse(Header(last, "X-Video-Id")!)), Is.EqualTo(bytes));
    }

    [Test]
    public async Task TusJsClient_KilledMidUploadOnA_IsResumedByANewProcessOnB_AndTheVideoIsByteForByteTheSource()
    {
        if (TusJsClient.MissingReason is { } reason)
            Assert.Ignore(reason);
        var source = await VideoFiles.GenerateMp4Async(seconds: 3, size: "640x360", noise: true);
        if (source is null)
            Assert.Ignore("ffmpeg is not installed");
        var user = await CreateUserAsync();
        using var onB = ClientOnB(user);
        var file = Path.Combine(Path.GetTempPath(), $"videotube-tus-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(file, source);
        try
        {
            // tus-js-client reports progress once per PATCH under node, so the kill lands between 1 MiB PATCHes; a
            // request cut off mid-body is the raw-socket test above.
            var first = await TusJsClient.RunAsync(new Uri(ServerAddress!, UploadsRoute), file, user.AccessToken,
                killAfterBytes: source.Length / 2, chunkSize: 1024 * 1024);
            var uploadUrl = TusJsClient.Values(first.Lines, "url").SingleOrDefault();
            Assert.That(TusJsClient.Values(first.Lines, "killing"), Is.Not.Empty, $"{string.Join('\n', first.Lines)}\n{first.Errors}");
            Assert.That(first.ExitCode, Is.Not.Zero, "the first client died mid-upload");
            Assert.That(uploadUrl, Is.Not.Null);
            var path = new Uri(uploadUrl!).AbsolutePath;

            var kept = await WaitForOffsetAsync(onB, path);
            Assert.That(kept, Is.GreaterThan(0).And.LessThan(source.Length));

            var second = await TusJsClient.RunAsync(new Uri(_addressB, UploadsRoute), file, user.AccessToken,
                uploadUrl: new Uri(_addressB, path).ToString());
            var log = $"{string.Join('\n', second.Lines)}\n{second.Errors}";
            TestContext.Out.WriteLine($"first client ({source.Length} bytes):\n{string.Join('\n', first.Lines)}\nkept by the server: {kept}\nsecond client:\n{log}");
            Assert.That(second.ExitCode, Is.Zero, log);
            // At least what the server had kept (more if the dead client's last PATCH was committed meanwhile).
            Assert.That(TusJsClient.Values(second.Lines, "offset").Select(long.Parse),
                Has.Some.InRange(kept, source.Length - 1), "the second client resumed from the server's offset: " + log);
            var videoId = Guid.Parse(TusJsClient.Values(second.Lines, "video").Single());

            Assert.That(await DownloadVideoAsync(user, videoId), Is.EqualTo(source));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The server notices a vanished client and commits what it received a moment later; waits for that (bounded,
    /// so a hang fails instead of blocking the suite), polling instance B.
    /// </summary>
    private static async Task<long> WaitForOffsetAsync(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var offset = await OffsetAsync(client, url);
            if (offset > 0 || DateTime.UtcNow > deadline)
                return offset;
            await Task.Delay(100);
        }
    }
}
