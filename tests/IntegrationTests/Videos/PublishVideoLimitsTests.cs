using System.Net;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>Upload limits and a missing ffprobe, with small limits configured through MediaOptions.</summary>
public sealed class PublishVideoLimitsTests : VideoTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Media:MaxVideoBytes"] = "100000",
        ["Media:MaxImageBytes"] = "20000",
        ["Ffprobe:Path"] = "/nonexistent/ffprobe",
    };

    [Test]
    public async Task An_oversized_video_is_413_and_leaves_no_file_or_row()
    {
        var user = await CreateUserAsync();
        var (files, rows) = (MediaFileCount(), await VideoCountAsync());
        // Thumbnail first, so a stored file exists when the video crosses the limit and must be cleaned up.
        var form = new MultipartFormDataContent
        {
            { new StringContent("t"), "title" }, { new StringContent("d"), "description" },
            { ImageContent(TestFiles.Png()), "thumbnail", "t.png" },
            { VideoContent(VideoFiles.FakeMp4(200_000)), "videoFile", "big.mp4" },
        };

        var response = await user.Client.PostAsync("/api/v1/videos", form);

        Assert.That(await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge), Does.StartWith("videoFile must be at most"));
        Assert.That((MediaFileCount(), await VideoCountAsync()), Is.EqualTo((files, rows)));
    }

    [Test]
    public async Task An_oversized_thumbnail_is_413_and_the_stored_video_is_removed()
    {
        var user = await CreateUserAsync();
        var (files, rows) = (MediaFileCount(), await VideoCountAsync());
        var response = await user.Client.PostAsync("/api/v1/videos", PublishForm(thumbnail: TestFiles.Png(30_000)));
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge), Does.StartWith("thumbnail must be at most"));
        Assert.That((MediaFileCount(), await VideoCountAsync()), Is.EqualTo((files, rows)));
    }

    [Test]
    public async Task A_body_announcing_more_than_the_route_accepts_is_413_before_it_is_read()
    {
        var user = await CreateUserAsync();
        var files = MediaFileCount();
        var response = await user.Client.PostAsync("/api/v1/videos", PublishForm(VideoFiles.FakeMp4(2 * 1024 * 1024)));
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge), Does.StartWith("Request body must be at most"));
        Assert.That(MediaFileCount(), Is.EqualTo(files));
    }

    [Test]
    public async Task Without_ffprobe_the_video_is_published_with_duration_0()
    {
        var user = await CreateUserAsync();
        var data = await PublishAsync(user, VideoFiles.FakeMp4(50_000));
        Assert.That(data["duration"]!.GetValue<double>(), Is.Zero);
        Assert.That((await user.Client.GetAsync(PathOf(data, "videoFile"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
