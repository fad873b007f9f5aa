using System.Net;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Uploads;

/// <summary>
/// Clients that stop halfway through a PATCH body hold their upload's claim, but not the connections other requests
/// need: with a request pool of 2, four stalled uploads leave every read answering (on the earlier design, where a
/// PATCH held a row lock on a request connection, the reads waited out Database:ConnectTimeout and answered 503).
/// </summary>
public sealed class StalledUploadTests : UploadTestBase
{
    private const int StalledUploads = 4;

    // Kestrel, not the in-memory server, which hands a request to the app only once its body is complete.
    protected override bool UseRealServer => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:MaxPoolSize"] = "2",
    };

    [Test]
    public async Task Reads_answer_while_more_uploads_than_the_pool_has_connections_wait_for_their_clients()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(40_000);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var urls = new List<string>();
        for (var i = 0; i < StalledUploads; i++)
            urls.Add(await CreateUploadAsync(user.Client, bytes.Length));

        var patches = urls.Select(url => PatchAsync(user.Client, url, 0, new StallingContent(bytes, 20_000, resume.Task)))
            .ToArray();
        try
        {
            await WaitUntilClaimedAsync(urls, () => patches.FirstOrDefault(p => p.IsCompleted) is { } ended
                ? $"a stalled PATCH ended early: {(ended.IsCompletedSuccessfully ? ended.Result.StatusCode : ended.Exception?.GetBaseException().Message)}"
                : null);

            var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => user.Client.GetAsync("/api/v1/videos?limit=5")));

            Assert.That(reads.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            resume.TrySetResult();
        }
        var responses = await Task.WhenAll(patches);
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.NoContent));
        foreach (var response in responses)
            Assert.That(Header(response, "X-Video-Id"), Is.Not.Null, "each upload became a video once resumed");
    }

    /// <summary>A body that sends its first bytes, then waits for <paramref name="resume"/> before sending the rest.</summary>
    private sealed class StallingContent(byte[] bytes, int stallAt, Task resume) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, stallAt));
            await stream.FlushAsync();
            await resume;
            await stream.WriteAsync(bytes.AsMemory(stallAt));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
