using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using VideoTube.Application.Common.Media;
using VideoTube.IntegrationTests.Infrastructure;
using VideoTube.IntegrationTests.Uploads;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>
/// The S3 adapter against s3rver on loopback, files served through the API's /media route. Skipped when s3rver is
/// not installed (npm install -g s3rver).
/// </summary>
public sealed class S3MediaStorageTests : UploadTestBase
{
    private readonly S3rver _s3rver = new();

    protected override IDictionary<string, string?> Settings => _s3rver.Settings;

    [OneTimeSetUp]
    public Task StartS3rverAsync() => _s3rver.StartOrIgnoreAsync();

    [OneTimeTearDown]
    public void StopS3rver() => _s3rver.Dispose();

    [Test]
    public async Task Published_files_live_in_the_bucket_and_are_served_with_ranges()
    {
        var owner = await CreateUserAsync();
        var bytes = await VideoFiles.GenerateMp4Async() ?? VideoFiles.FakeMp4(20_000);

        var data = await PublishAsync(owner, bytes);

        Assert.That(MediaFileCount(), Is.Zero, "nothing is written to local disk");
        var keys = await ListKeysAsync();
        Assert.That(keys, Has.Some.StartsWith("videos/").And.Some.StartsWith("thumbnails/").And.Some.StartsWith("avatars/"));
        if (VideoFiles.IsOnPath("ffprobe") && VideoFiles.IsOnPath("ffmpeg"))
            Assert.That(data["duration"]!.GetValue<double>(), Is.EqualTo(2.0).Within(0.25), "ffprobe reads the object by presigned URL");

        var full = await owner.Client.GetAsync(PathOf(data, "videoFile"));
        Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await full.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));

        var request = new HttpRequestMessage(HttpMethod.Get, PathOf(data, "videoFile"));
        request.Headers.Range = new RangeHeaderValue(100, 1099);
        var partial = await owner.Client.SendAsync(request);
        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(partial.Content.Headers.ContentRange!.ToString(), Is.EqualTo($"bytes 100-1099/{bytes.Length}"));
        Assert.That(await partial.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[100..1100]));
    }

    [Test]
    public async Task Deleting_a_video_deletes_its_objects_and_a_failed_publish_leaves_none()
    {
        var owner = await CreateUserAsync();
        var before = await ListKeysAsync();
        var data = await PublishAsync(owner);
        Assert.That(await ListKeysAsync(), Has.Count.EqualTo(before.Count + 2));

        await owner.Client.DeleteAsync($"/api/v1/videos/{data["_id"]!.GetValue<string>()}");
        Assert.That(await ListKeysAsync(), Is.EquivalentTo(before));

        var failed = await owner.Client.PostAsync("/api/v1/videos", PublishForm(thumbnail: "not an image"u8.ToArray()));
        await AssertErrorAsync(failed, HttpStatusCode.UnsupportedMediaType);
        Assert.That(await ListKeysAsync(), Is.EquivalentTo(before));
    }

    [Test]
    public async Task A_tus_upload_sent_in_pieces_is_joined_in_the_bucket_and_its_parts_removed()
    {
        var owner = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(9 * 1024 * 1024 + 321);
        var url = await CreateUploadAsync(owner.Client, bytes.Length);

        await UploadInChunksAsync(owner.Client, url, bytes[..(6 * 1024 * 1024)], 3 * 1024 * 1024);
        var parts = await PartKeysAsync(url);
        var last = await PatchAsync(owner.Client, url, 6 * 1024 * 1024, bytes[(6 * 1024 * 1024)..]);

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await last.Content.ReadAsStringAsync());
        Assert.That(parts, Has.Length.EqualTo(2).And.All.StartsWith("uploads/"));
        Assert.That(await DownloadVideoAsync(owner, Guid.Parse(Header(last, "X-Video-Id")!)), Is.EqualTo(bytes));
        Assert.That(await ListKeysAsync(), Has.None.StartsWith("uploads/"), "parts are deleted once joined");
        Assert.That(MediaFileCount(), Is.Zero, "nothing is written to local disk");
    }

    [Test]
    public async Task Large_streams_upload_in_parts_and_read_back_through_ranged_gets()
    {
        var storage = Factory.Services.GetRequiredService<IMediaStorage>();
        var bytes = new byte[9 * 1024 * 1024 + 123];
        new Random(42).NextBytes(bytes);

        var stored = await storage.SaveAsync(new ForwardOnlyStream(bytes), "videos", ".mp4", "video/mp4", CancellationToken.None);

        Assert.That(stored.Length, Is.EqualTo(bytes.Length));
        await using (var media = await storage.OpenReadAsync(stored.Key, CancellationToken.None))
        {
            Assert.That(media, Is.Not.Null);
            Assert.That((media!.Length, media.ContentType, media.Content.CanSeek), Is.EqualTo(((long)bytes.Length, "video/mp4", true)));
            media.Content.Seek(8 * 1024 * 1024 - 10, SeekOrigin.Begin);
            var slice = new byte[20];
            await media.Content.ReadExactlyAsync(slice);
            Assert.That(slice, Is.EqualTo(bytes[(8 * 1024 * 1024 - 10)..(8 * 1024 * 1024 + 10)]));

            media.Content.Position = 0;
            var copy = new MemoryStream();
            await media.Content.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(bytes));
        }

        await storage.DeleteAsync(stored.Key, CancellationToken.None);
        Assert.That(await storage.OpenReadAsync(stored.Key, CancellationToken.None), Is.Null);
        await storage.DeleteAsync(stored.Key, CancellationToken.None); // deleting a missing object is not an error
    }

    private Task<List<string>> ListKeysAsync() => _s3rver.ListKeysAsync();

    /// <summary>Like a request body: readable once, front to back, length unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 50_000));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
