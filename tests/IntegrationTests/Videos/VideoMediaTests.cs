using System.Net;
using System.Net.Http.Headers;

namespace VideoTube.IntegrationTests.Videos;

public sealed class VideoMediaTests : VideoTestBase
{
    [Test]
    public async Task A_range_request_is_answered_with_206_and_exactly_those_bytes()
    {
        var owner = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(10_000);
        var data = await PublishAsync(owner, bytes);
        using var anonymous = CreateClient();

        var request = new HttpRequestMessage(HttpMethod.Get, PathOf(data, "videoFile"));
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        var response = await anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(response.Content.Headers.ContentRange!.ToString(), Is.EqualTo("bytes 1000-1999/10000"));
        Assert.That(response.Headers.AcceptRanges, Does.Contain("bytes"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[1000..2000]));
    }

    [Test]
    public async Task Files_of_unpublished_videos_are_served_only_to_their_owner()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var data = await PublishAsync(owner);
        await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{data["_id"]!.GetValue<string>()}", null);
        using var anonymous = CreateClient();

        foreach (var field in new[] { "videoFile", "thumbnail" })
        {
            var path = PathOf(data, field);
            Assert.That(await AssertErrorAsync(await anonymous.GetAsync(path), HttpStatusCode.NotFound), Is.EqualTo("Media not found"));
            await AssertErrorAsync(await other.Client.GetAsync(path), HttpStatusCode.NotFound);
            Assert.That((await owner.Client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), field);
        }
    }

    [Test]
    public async Task A_video_file_without_a_video_row_is_not_served()
    {
        var owner = await CreateUserAsync();
        var key = "videos/2026/01/orphan.mp4";
        var path = Path.Combine(Factory.MediaRoot, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, VideoFiles.FakeMp4());

        await AssertErrorAsync(await owner.Client.GetAsync($"/media/{key}"), HttpStatusCode.NotFound);
        File.Delete(path);
    }
}
