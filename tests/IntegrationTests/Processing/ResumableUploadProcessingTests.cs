using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace VideoTube.IntegrationTests.Processing;

/// <summary>
/// A video made by a finished tus upload goes through the same job as a multipart one (CreateVideoHandler queues it),
/// and since tus brings no thumbnail the job takes one from a frame. Its renditions are cached like its other files.
/// </summary>
public sealed class ResumableUploadProcessingTests : ProcessingTestBase
{
    [Test]
    public async Task A_tus_upload_is_processed_and_gets_a_thumbnail_from_a_frame()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var bytes = await GenerateSourceAsync(seconds: 2, size: "320x180");

        var videoId = await TusUploadAsync(owner.Client, bytes);
        var video = await WaitForOutcomeAsync(videoId);

        Assert.That(video.Status, Is.EqualTo(Domain.Entities.VideoStatus.Ready), video.FailureReason);
        var json = (await ReadJsonAsync(await owner.Client.GetAsync($"/api/v1/videos/{videoId}")))["data"]!;
        var thumbnail = await owner.Client.GetAsync(PathOf(json, "thumbnail"));
        var master = await Anonymous().GetAsync(PathOf(json, "hls"));
        Assert.Multiple(() =>
        {
            Assert.That(video.ThumbnailKey, Is.Not.Empty, "the job fills the thumbnail a tus upload has not got");
            Assert.That(thumbnail.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(thumbnail.Content.Headers.ContentType?.MediaType, Does.StartWith("image/"));
            Assert.That(master.StatusCode, Is.EqualTo(HttpStatusCode.OK), "published: anyone may play it");
            Assert.That(master.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=300"));
            Assert.That(master.Headers.ETag, Is.Not.Null);
        });
    }

    [Test]
    public async Task A_drafts_renditions_are_private_and_not_stored_by_caches()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var videoId = await TusUploadAsync(owner.Client, await GenerateSourceAsync(seconds: 2, size: "320x180"));
        var video = await WaitForOutcomeAsync(videoId);
        Assert.That(video.Status, Is.EqualTo(Domain.Entities.VideoStatus.Ready), video.FailureReason);
        var toggled = await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{videoId}", null);
        Assert.That(toggled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var masterPath = MasterPath(video);

        var asOwner = await owner.Client.GetAsync(masterPath);
        var asAnonymous = await Anonymous().GetAsync(masterPath);
        var head = await owner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, masterPath));

        Assert.Multiple(() =>
        {
            Assert.That(asOwner.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(asOwner.Headers.CacheControl?.Private, Is.True);
            Assert.That(asOwner.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(asAnonymous.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(head.Headers.ETag, Is.EqualTo(asOwner.Headers.ETag));
        });
    }

    private HttpClient Anonymous() => CreateClient(handleCookies: false);

    /// <summary>Creates a tus upload, sends every byte in one PATCH and returns the video it became.</summary>
    private static async Task<Guid> TusUploadAsync(HttpClient client, byte[] bytes)
    {
        var metadata = string.Join(',', new[] { ("filename", "clip.mp4"), ("filetype", "video/mp4"), ("title", "Resumed"), ("description", "By tus") }
            .Select(pair => $"{pair.Item1} {Convert.ToBase64String(Encoding.UTF8.GetBytes(pair.Item2))}"));
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        create.Headers.Add("Tus-Resumable", "1.0.0");
        create.Headers.Add("Upload-Length", bytes.Length.ToString());
        create.Headers.Add("Upload-Metadata", metadata);
        var created = await client.SendAsync(create);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        var patch = new HttpRequestMessage(HttpMethod.Patch, created.Headers.Location!.OriginalString) { Content = content };
        patch.Headers.Add("Tus-Resumable", "1.0.0");
        patch.Headers.Add("Upload-Offset", "0");
        var finished = await client.SendAsync(patch);
        Assert.That(finished.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await finished.Content.ReadAsStringAsync());
        return Guid.Parse(finished.Headers.GetValues("X-Video-Id").Single());
    }
}
