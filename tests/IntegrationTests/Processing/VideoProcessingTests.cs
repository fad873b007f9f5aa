using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos.Processing;
using VideoTube.Domain.Entities;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Processing;

/// <summary>Uploads processed end to end by the job on this host: probe, thumbnail, HLS ladder, status, access.</summary>
public sealed partial class VideoProcessingTests : ProcessingTestBase
{
    [Test]
    public async Task An_upload_becomes_an_hls_ladder_whose_renditions_decode_at_the_source_duration()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var data = await PublishAsync(owner, await GenerateSourceAsync(seconds: 6, size: "640x360"));
        Assert.Multiple(() =>
        {
            Assert.That(data["status"]!.GetValue<string>(), Is.EqualTo("processing"));
            Assert.That(data["hls"], Is.Null);
        });

        var video = await WaitForOutcomeAsync(IdOf(data));
        Assert.That(video.Status, Is.EqualTo(VideoStatus.Ready), video.FailureReason);
        var json = (await ReadJsonAsync(await owner.Client.GetAsync($"/api/v1/videos/{video.Id}")))["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("ready"));
            Assert.That(json["progress"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(json["width"]!.GetValue<int>(), Is.EqualTo(640));
            Assert.That(json["height"]!.GetValue<int>(), Is.EqualTo(360));
            Assert.That(json["duration"]!.GetValue<double>(), Is.EqualTo(6.0).Within(0.5));
            Assert.That(json["hls"]!.GetValue<string>(), Does.StartWith("https://localhost/media/hls/").And.EndWith("/master.m3u8"));
            Assert.That(json["failureReason"], Is.Null);
        });

        var masterPath = PathOf(json, "hls");
        var master = await owner.Client.GetAsync(masterPath);
        Assert.That(master.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.apple.mpegurl"));
        var variants = Variants(await master.Content.ReadAsStringAsync());
        Assert.That(variants.Select(v => v.Height), Is.EquivalentTo(new[] { 240, 360 }), "never above the source's 360 lines");

        var directory = Directory.CreateTempSubdirectory("videotube-renditions-").FullName;
        try
        {
            foreach (var (_, uri) in variants)
            {
                var playlist = await DownloadVariantAsync(owner.Client, masterPath, uri, directory);
                await AssertDecodesAsync(playlist);
                Assert.That(await ProbeDurationAsync(playlist), Is.EqualTo(6.0).Within(0.5), uri);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
        Assert.That(JobTempEntries(), Is.Zero, "the job removes its temp files");
    }

    [Test]
    public async Task Segments_are_served_with_ranges()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var video = await WaitForOutcomeAsync(IdOf(await PublishAsync(owner, await GenerateSourceAsync(seconds: 2, size: "320x180"))));
        var masterPath = MasterPath(video);
        var variant = Variants(await owner.Client.GetStringAsync(masterPath)).Single();
        var segmentPath = masterPath.Replace("master.m3u8", variant.Uri.Replace("index.m3u8", "seg_00000.ts"));

        var request = new HttpRequestMessage(HttpMethod.Get, segmentPath);
        request.Headers.Range = new RangeHeaderValue(0, 187);
        var response = await owner.Client.SendAsync(request);
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp2t"));
            Assert.That((await response.Content.ReadAsByteArrayAsync())[0], Is.EqualTo(0x47), "an MPEG-TS sync byte");
        });
    }

    [Test]
    public async Task Without_an_uploaded_thumbnail_the_job_takes_one_from_a_frame_and_a_silent_video_still_plays()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        // The multipart route requires a thumbnail (chai's contract); resumable uploads may omit it, which this mimics.
        var videoId = await CreateWithoutThumbnailAsync(owner.Id, await GenerateSourceAsync(seconds: 3, size: "320x180", audio: false));

        var video = await WaitForOutcomeAsync(videoId);
        Assert.That(video.Status, Is.EqualTo(VideoStatus.Ready), video.FailureReason);
        Assert.That(video.ThumbnailKey, Does.StartWith("thumbnails/").And.EndWith(".jpg"));
        var thumbnail = await owner.Client.GetAsync(MediaPath(video.ThumbnailKey));
        Assert.Multiple(() =>
        {
            Assert.That(thumbnail.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(thumbnail.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
        });

        var masterPath = MasterPath(video);
        var variants = Variants(await owner.Client.GetStringAsync(masterPath));
        Assert.That(variants.Select(v => v.Height), Is.EqualTo(new[] { 180 }), "a source below the ladder keeps its own height");
        var directory = Directory.CreateTempSubdirectory("videotube-renditions-").FullName;
        try
        {
            var playlist = await DownloadVariantAsync(owner.Client, masterPath, variants[0].Uri, directory);
            await AssertDecodesAsync(playlist);
            Assert.That(await ProbeDurationAsync(playlist), Is.EqualTo(3.0).Within(0.5));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task A_file_that_only_looks_like_a_video_fails_with_a_reason_only_its_owner_sees()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var data = await PublishAsync(owner, VideoFiles.FakeMp4(64 * 1024));

        var video = await WaitForOutcomeAsync(IdOf(data));
        Assert.That(video.Status, Is.EqualTo(VideoStatus.Failed));
        var asOwner = (await ReadJsonAsync(await owner.Client.GetAsync($"/api/v1/videos/{video.Id}")))["data"]!;
        var asViewer = (await ReadJsonAsync(await viewer.Client.GetAsync($"/api/v1/videos/{video.Id}")))["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(asOwner["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(asOwner["failureReason"]!.GetValue<string>(), Does.Contain("not a playable video"));
            Assert.That(asOwner["hls"], Is.Null);
            Assert.That(asViewer["status"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(asViewer["failureReason"], Is.Null, "the reason is the owner's business");
            Assert.That(Directory.Exists(Path.Combine(Factory.MediaRoot, "hls", video.Id.ToString("N"))), Is.False);
            Assert.That(JobTempEntries(), Is.Zero, "the job removes its temp files after a failure too");
        });
    }

    [Test]
    public async Task A_drafts_renditions_are_served_only_to_its_owner()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await WaitForOutcomeAsync(IdOf(await PublishAsync(owner, await GenerateSourceAsync(seconds: 2, size: "320x180"))));
        var masterPath = MasterPath(video);
        Assert.That((await other.Client.GetAsync(masterPath)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "published: everyone");

        var toggle = await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{video.Id}", null);
        Assert.That(toggle.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var anonymous = CreateClient();
        var variantPath = masterPath.Replace("master.m3u8", "180p/index.m3u8");
        Assert.Multiple(async () =>
        {
            Assert.That((await owner.Client.GetAsync(masterPath)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await owner.Client.GetAsync(variantPath)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await AssertErrorAsync(await other.Client.GetAsync(masterPath), HttpStatusCode.NotFound);
            await AssertErrorAsync(await other.Client.GetAsync(variantPath), HttpStatusCode.NotFound);
            await AssertErrorAsync(await anonymous.GetAsync(masterPath), HttpStatusCode.NotFound);
            await AssertErrorAsync(await anonymous.GetAsync("/media/hls/not-a-video-id/master.m3u8"), HttpStatusCode.NotFound);
        });
    }

    [Test]
    public async Task Deleting_a_video_removes_its_renditions()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var video = await WaitForOutcomeAsync(IdOf(await PublishAsync(owner, await GenerateSourceAsync(seconds: 2, size: "320x180"))));
        var folder = Path.Combine(Factory.MediaRoot, "hls", video.Id.ToString("N"));
        Assert.That(Directory.Exists(folder), Is.True);

        Assert.That((await owner.Client.DeleteAsync($"/api/v1/videos/{video.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Directory.Exists(folder), Is.False);
    }

    private async Task<Guid> CreateWithoutThumbnailAsync(Guid ownerId, byte[] source)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IMediaStorage>()
            .SaveAsync(new MemoryStream(source), "videos", ".mp4", "video/mp4", CancellationToken.None);
        var video = await WithDbAsync(async db =>
        {
            var row = new Video
            {
                OwnerId = ownerId, Title = "No thumbnail", Description = "d", VideoFileKey = stored.Key,
            };
            db.Videos.Add(row);
            await db.SaveChangesAsync();
            return row;
        });
        await scope.ServiceProvider.GetRequiredService<IVideoProcessingQueue>().EnqueueAsync(video.Id, CancellationToken.None);
        return video.Id;
    }

    /// <summary>The variants of a master playlist: height from RESOLUTION, and the URI on the following line.</summary>
    internal static List<(int Height, string Uri)> Variants(string master)
    {
        var lines = master.Split('\n').Select(l => l.Trim()).ToList();
        var variants = new List<(int, string)>();
        for (var i = 0; i < lines.Count - 1; i++)
        {
            var match = ResolutionPattern().Match(lines[i]);
            if (lines[i].StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal) && match.Success)
                variants.Add((int.Parse(match.Groups[1].Value), lines[i + 1]));
        }
        return variants;
    }

    [GeneratedRegex(@"RESOLUTION=\d+x(\d+)")]
    private static partial Regex ResolutionPattern();
}
