using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Videos;

public sealed class PublishVideoTests : VideoTestBase
{
    [Test]
    public async Task Publish_stores_both_files_and_returns_201_with_the_video()
    {
        var user = await CreateUserAsync();
        var bytes = await VideoFiles.GenerateMp4Async() ?? VideoFiles.FakeMp4(50_000);
        var filesBefore = MediaFileCount();

        var response = await user.Client.PostAsync("/api/v1/videos",
            PublishForm(bytes, title: "  First upload  ", description: "Shot on a phone"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        var data = json["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(json["statusCode"]!.GetValue<int>(), Is.EqualTo(201));
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Video published successfully"));
            Assert.That(Guid.TryParse(data["_id"]!.GetValue<string>(), out _), Is.True);
            Assert.That(data["title"]!.GetValue<string>(), Is.EqualTo("First upload"));
            Assert.That(data["description"]!.GetValue<string>(), Is.EqualTo("Shot on a phone"));
            Assert.That(data["videoFile"]!.GetValue<string>(), Does.StartWith("https://localhost/media/videos/").And.EndWith(".mp4"));
            Assert.That(data["thumbnail"]!.GetValue<string>(), Does.StartWith("https://localhost/media/thumbnails/").And.EndWith(".png"));
            Assert.That(data["views"]!.GetValue<long>(), Is.Zero);
            Assert.That(data["isPublished"]!.GetValue<bool>(), Is.True);
            Assert.That(data["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(user.Id.ToString()));
            Assert.That(data["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(user.Username));
            Assert.That(data["owner"]!["avatar"]!.GetValue<string>(), Does.Contain("/media/avatars/"));
            Assert.That(data["createdAt"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        });
        Assert.That(MediaFileCount(), Is.EqualTo(filesBefore + 2));

        var served = await user.Client.GetAsync(PathOf(data, "videoFile"));
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(served.Content.Headers.ContentType!.MediaType, Is.EqualTo("video/mp4"));
        Assert.That(await served.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Text_fields_may_follow_the_files()
    {
        var user = await CreateUserAsync();
        var response = await user.Client.PostAsync("/api/v1/videos", PublishForm(title: "Fields last", textFirst: false));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await ReadJsonAsync(response))["data"]!["title"]!.GetValue<string>(), Is.EqualTo("Fields last"));
    }

    [Test]
    public async Task Duration_is_read_with_ffprobe()
    {
        if (!VideoFiles.IsOnPath("ffprobe") || !VideoFiles.IsOnPath("ffmpeg"))
            Assert.Ignore("ffmpeg/ffprobe are not installed (apt-get install -y ffmpeg)");
        var user = await CreateUserAsync();
        var data = await PublishAsync(user, await VideoFiles.GenerateMp4Async(seconds: 2));
        Assert.That(data["duration"]!.GetValue<double>(), Is.EqualTo(2.0).Within(0.25));
    }

    [Test]
    public async Task Other_containers_are_recognised_by_their_bytes()
    {
        var user = await CreateUserAsync();
        byte[] webm = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .."webm"u8, ..new byte[100]];
        var cases = new[] { (VideoFiles.FakeMp4(brand: "qt  "), ".mov"), (webm, ".webm") };
        foreach (var (bytes, extension) in cases)
        {
            // The client's Content-Type is ignored: the bytes decide.
            var form = new MultipartFormDataContent
            {
                { new StringContent("t"), "title" }, { new StringContent("d"), "description" },
                { VideoContent(bytes, "application/octet-stream"), "videoFile", "clip.bin" },
                { ImageContent(TestFiles.Png()), "thumbnail", "t.png" },
            };
            var response = await user.Client.PostAsync("/api/v1/videos", form);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            Assert.That((await ReadJsonAsync(response))["data"]!["videoFile"]!.GetValue<string>(), Does.EndWith(extension));
        }
    }

    [TestCase(null, "text", "All fields are required")]
    [TestCase("text", null, "All fields are required")]
    [TestCase("   ", "text", "All fields are required")]
    public async Task Missing_title_or_description_is_400_after_the_upload_and_leaves_nothing(
        string? title, string? description, string message)
    {
        var user = await CreateUserAsync();
        var (files, rows) = (MediaFileCount(), await VideoCountAsync());

        var response = await user.Client.PostAsync("/api/v1/videos",
            PublishForm(title: title, description: description, textFirst: false));

        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo(message));
        Assert.That((MediaFileCount(), await VideoCountAsync()), Is.EqualTo((files, rows)));
    }

    [Test]
    public async Task Too_long_title_is_400_and_leaves_nothing()
    {
        var user = await CreateUserAsync();
        var (files, rows) = (MediaFileCount(), await VideoCountAsync());
        var response = await user.Client.PostAsync("/api/v1/videos", PublishForm(title: new string('x', 201), textFirst: false));
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("Invalid title"));
        Assert.That((MediaFileCount(), await VideoCountAsync()), Is.EqualTo((files, rows)));
    }

    [Test]
    public async Task A_thumbnail_that_is_not_an_image_is_415_and_the_stored_video_is_removed()
    {
        var user = await CreateUserAsync();
        var (files, rows) = (MediaFileCount(), await VideoCountAsync());
        var response = await user.Client.PostAsync("/api/v1/videos", PublishForm(thumbnail: "not an image"u8.ToArray()));
        await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That((MediaFileCount(), await VideoCountAsync()), Is.EqualTo((files, rows)));
    }

    [Test]
    public async Task A_video_file_that_is_not_a_video_is_415()
    {
        var user = await CreateUserAsync();
        var files = MediaFileCount();
        var response = await user.Client.PostAsync("/api/v1/videos", PublishForm(video: TestFiles.Png(2048)));
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType),
            Is.EqualTo("videoFile must be an MP4, WebM, MOV or MKV video"));
        Assert.That(MediaFileCount(), Is.EqualTo(files));
    }

    [Test]
    public async Task Missing_files_extra_files_and_non_multipart_bodies_are_400()
    {
        var user = await CreateUserAsync();
        var files = MediaFileCount();

        var noVideo = new MultipartFormDataContent
        {
            { new StringContent("t"), "title" }, { new StringContent("d"), "description" },
            { ImageContent(TestFiles.Png()), "thumbnail", "t.png" },
        };
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync("/api/v1/videos", noVideo), HttpStatusCode.BadRequest),
            Is.EqualTo("Video file is required"));

        var noThumbnail = new MultipartFormDataContent
        {
            { new StringContent("t"), "title" }, { new StringContent("d"), "description" },
            { VideoContent(VideoFiles.FakeMp4()), "videoFile", "v.mp4" },
        };
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync("/api/v1/videos", noThumbnail), HttpStatusCode.BadRequest),
            Is.EqualTo("Thumbnail file is required"));

        var twoVideos = PublishForm();
        twoVideos.Add(VideoContent(VideoFiles.FakeMp4()), "videoFile", "second.mp4");
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync("/api/v1/videos", twoVideos), HttpStatusCode.BadRequest),
            Is.EqualTo("Only one videoFile file is allowed"));

        var extra = PublishForm();
        extra.Add(ImageContent(TestFiles.Png()), "avatar", "a.png");
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync("/api/v1/videos", extra), HttpStatusCode.BadRequest),
            Is.EqualTo("Unexpected file field"));

        var json = await user.Client.PostAsJsonAsync("/api/v1/videos", new { title = "t", description = "d" });
        Assert.That(await AssertErrorAsync(json, HttpStatusCode.BadRequest), Is.EqualTo("Send the video as multipart/form-data"));

        Assert.That(MediaFileCount(), Is.EqualTo(files));
        Assert.That(await WithDbAsync(db => db.Videos.AnyAsync(v => v.OwnerId == user.Id)), Is.False);
    }

    [TestCase("no boundary at all")]
    [TestCase("truncated inside the video part")]
    public async Task A_malformed_or_truncated_multipart_body_is_400_and_leaves_nothing(string shape)
    {
        var body = shape == "no boundary at all"
            ? shape
            : "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n"
              + "--b\r\nContent-Disposition: form-data; name=\"videoFile\"; filename=\"v.mp4\"\r\n\r\n"
              + "\0\0\0\u0018ftypisom and then the body stops";
        var user = await CreateUserAsync();
        var files = MediaFileCount();
        var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync("/api/v1/videos", content), HttpStatusCode.BadRequest),
            Is.EqualTo("Malformed multipart body"));
        Assert.That(MediaFileCount(), Is.EqualTo(files));
    }

    [Test]
    public async Task Without_a_token_is_401_and_nothing_is_stored()
    {
        using var client = CreateClient();
        var files = MediaFileCount();
        await AssertErrorAsync(await client.PostAsync("/api/v1/videos", PublishForm()), HttpStatusCode.Unauthorized);
        Assert.That(MediaFileCount(), Is.EqualTo(files));
    }
}
