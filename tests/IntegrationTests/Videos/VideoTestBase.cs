using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>Helpers for tests that publish real uploads through the API.</summary>
public abstract class VideoTestBase : ApiTestBase
{
    protected static ByteArrayContent VideoContent(byte[] bytes, string contentType = "video/mp4")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    /// <summary>A publish form; <paramref name="textFirst"/> false puts title and description after the files.</summary>
    protected static MultipartFormDataContent PublishForm(byte[]? video = null, byte[]? thumbnail = null,
        string? title = "My video", string? description = "What it is about", bool textFirst = true)
    {
        var form = new MultipartFormDataContent();
        void AddText()
        {
            if (title is not null) form.Add(new StringContent(title), "title");
            if (description is not null) form.Add(new StringContent(description), "description");
        }
        if (textFirst) AddText();
        form.Add(VideoContent(video ?? VideoFiles.FakeMp4()), "videoFile", "clip.mp4");
        form.Add(ImageContent(thumbnail ?? TestFiles.Png()), "thumbnail", "thumb.png");
        if (!textFirst) AddText();
        return form;
    }

    /// <summary>Publishes through the API and returns the response's data.</summary>
    protected async Task<JsonNode> PublishAsync(TestUser user, byte[]? video = null, string? title = null)
    {
        var response = await user.Client.PostAsync("/api/v1/videos", PublishForm(video, title: title ?? UniqueName("video")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response))["data"]!;
    }

    /// <summary>The path of a media URL, absolute or root-relative, to request from the API under test.</summary>
    protected static string PathOf(JsonNode data, string field) =>
        new Uri(new Uri("https://localhost"), data[field]!.GetValue<string>()).PathAndQuery;

    protected Task<int> VideoCountAsync() => WithDbAsync(db => Task.FromResult(db.Videos.Count()));
}
