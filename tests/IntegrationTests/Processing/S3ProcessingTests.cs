using System.Net;
using VideoTube.Domain.Entities;
using VideoTube.IntegrationTests.Infrastructure;

namespace VideoTube.IntegrationTests.Processing;

/// <summary>The job reads the original from and writes renditions to an S3 store (s3rver), served through /media.</summary>
public sealed class S3ProcessingTests : ProcessingTestBase
{
    private readonly S3rver _s3rver = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in _s3rver.Settings)
                settings[key] = value;
            return settings;
        }
    }

    [OneTimeSetUp]
    public Task StartS3rverAsync() => _s3rver.StartOrIgnoreAsync();

    [OneTimeTearDown]
    public void StopS3rver() => _s3rver.Dispose();

    [Test]
    public async Task Renditions_are_stored_in_the_bucket_and_play_through_media()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var video = await WaitForOutcomeAsync(IdOf(await PublishAsync(owner, await GenerateSourceAsync(seconds: 3, size: "320x180"))));
        Assert.That(video.Status, Is.EqualTo(VideoStatus.Ready), video.FailureReason);

        var keys = await ListKeysAsync($"hls/{video.Id:N}/");
        Assert.That(keys, Does.Contain($"hls/{video.Id:N}/master.m3u8").And.Contain($"hls/{video.Id:N}/180p/index.m3u8"));
        Assert.That(MediaFileCount(), Is.Zero, "nothing is written to local disk");

        var masterPath = MasterPath(video);
        var master = await owner.Client.GetAsync(masterPath);
        Assert.That(master.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(master.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.apple.mpegurl"));
        var directory = Directory.CreateTempSubdirectory("videotube-renditions-").FullName;
        try
        {
            var playlist = await DownloadVariantAsync(owner.Client, masterPath, "180p/index.m3u8", directory);
            await AssertDecodesAsync(playlist);
            Assert.That(await ProbeDurationAsync(playlist), Is.EqualTo(3.0).Within(0.5));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        Assert.That((await owner.Client.DeleteAsync($"/api/v1/videos/{video.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ListKeysAsync($"hls/{video.Id:N}/"), Is.Empty, "deleting the video deletes its renditions");
    }

    private Task<List<string>> ListKeysAsync(string prefix) => _s3rver.ListKeysAsync(prefix);
}
