using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>
/// Rows hold storage keys; every response builds its media URLs from the settings of the API that answers, so a new
/// host, port or CDN needs no data migration, and no response ever carries a bare key.
/// </summary>
public sealed class MediaUrlTests : VideoTestBase
{
    private const string UploadCdn = "https://cdn-one.example/media";

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Storage:PublicBaseUrl"] = UploadCdn };

    [TestCase("", "/media/")]
    [TestCase("https://cdn-two.example/assets/", "https://cdn-two.example/assets/")]
    [TestCase("http://127.0.0.1:8183/media", "http://127.0.0.1:8183/media/")]
    public async Task Urls_come_from_the_answering_apis_setting_not_the_one_at_upload(string publicBaseUrl, string prefix)
    {
        var owner = await CreateUserAsync();
        var published = await PublishAsync(owner);
        var videoId = SocialRequests.IdOf(published);
        Assert.That(published["videoFile"]!.GetValue<string>(), Does.StartWith(UploadCdn + "/videos/"));

        await using var moved = new VideoTubeApiFactory(ConnectionString, Factory.MediaRoot,
            new Dictionary<string, string?> { ["Storage:PublicBaseUrl"] = publicBaseUrl });
        using var client = ClientOf(moved, owner);

        var user = await (await client.GetAsync("/api/v1/users/current-user")).DataAsync();
        var video = await (await client.GetAsync($"/api/v1/videos/{videoId}")).DataAsync();
        var keys = await WithDbAsync(db => db.Videos.Where(v => v.Id == videoId)
            .Select(v => new { v.VideoFileKey, v.ThumbnailKey, v.Owner!.AvatarKey }).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(user["avatar"]!.GetValue<string>(), Is.EqualTo(prefix + keys.AvatarKey));
            Assert.That(user["coverImage"]!.GetValue<string>(), Is.Empty, "no cover stays an empty string");
            Assert.That(video["videoFile"]!.GetValue<string>(), Is.EqualTo(prefix + keys.VideoFileKey));
            Assert.That(video["thumbnail"]!.GetValue<string>(), Is.EqualTo(prefix + keys.ThumbnailKey));
            Assert.That(video["owner"]!["avatar"]!.GetValue<string>(), Is.EqualTo(prefix + keys.AvatarKey));
        });
    }

    [Test]
    public async Task Root_relative_urls_are_served_by_the_api_that_gave_them()
    {
        var owner = await CreateUserAsync();
        var videoId = SocialRequests.IdOf(await PublishAsync(owner, VideoFiles.FakeMp4(5_000)));

        await using var unset = new VideoTubeApiFactory(ConnectionString, Factory.MediaRoot,
            new Dictionary<string, string?> { ["Storage:PublicBaseUrl"] = null });
        using var client = ClientOf(unset, owner);
        var video = await (await client.GetAsync($"/api/v1/videos/{videoId}")).DataAsync();

        var url = video["videoFile"]!.GetValue<string>();
        Assert.That(url, Does.StartWith("/media/videos/"));
        var served = await client.GetAsync(url);
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await served.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(5_000));
    }

    [Test]
    public async Task No_response_carries_a_stored_key_where_a_url_belongs()
    {
        var owner = await CreateUserAsync();
        var strings = new List<string>();
        var withCover = UniqueName("cover");
        using (var anonymous = CreateClient())
            Collect(await (await anonymous.PostAsync("/api/v1/users/register",
                    RegistrationForm(withCover, $"{withCover}@example.com", coverImage: TestFiles.Png())))
                .DataAsync(HttpStatusCode.Created), strings);
        var viewer = await CreateUserAsync();
        var videoId = SocialRequests.IdOf(await PublishAsync(owner));
        await viewer.Client.PostAsync($"/api/v1/subscriptions/c/{owner.Id}", null);
        await viewer.ToggleLikeAsync("v", videoId);
        await viewer.PostCommentAsync(videoId);
        await owner.PostTweetAsync();
        var playlistId = await viewer.CreatePlaylistAsync();
        await viewer.AddToPlaylistAsync(videoId, playlistId);
        await viewer.Client.GetAsync($"/api/v1/videos/{videoId}"); // watch history

        string[] routes =
        [
            "/api/v1/users/current-user", $"/api/v1/users/c/{owner.Username}", $"/api/v1/users/c/{withCover}",
            "/api/v1/users/history",
            $"/api/v1/videos?userId={owner.Id}", $"/api/v1/videos/{videoId}", $"/api/v1/subscriptions/c/{viewer.Id}",
            $"/api/v1/subscriptions/u/{owner.Id}", $"/api/v1/comments/{videoId}", "/api/v1/likes/videos",
            $"/api/v1/tweets/user/{owner.Id}", $"/api/v1/playlist/user/{viewer.Id}", $"/api/v1/playlist/{playlistId}",
        ];
        foreach (var route in routes)
            Collect(await (await viewer.Client.GetAsync(route)).DataAsync(), strings);
        Collect(await (await owner.Client.GetAsync("/api/v1/dashboard/videos")).DataAsync(), strings);
        var keys = await WithDbAsync(async db =>
            (await db.Users.Select(u => new[] { u.AvatarKey, u.CoverImageKey }).ToListAsync()).SelectMany(k => k)
            .Concat(await db.Videos.Select(v => v.VideoFileKey).ToListAsync())
            .Concat(await db.Videos.Select(v => v.ThumbnailKey).ToListAsync())
            .Where(key => key.Length > 0).ToHashSet());

        var mentions = strings.Where(s => keys.Any(s.Contains)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mentions.Where(s => !keys.Any(key => s == $"{UploadCdn}/{key}")), Is.Empty,
                "every string that names a stored file is exactly its URL");
            foreach (var folder in new[] { "avatars/", "covers/", "videos/", "thumbnails/" })
                Assert.That(mentions, Has.Some.StartWith($"{UploadCdn}/{folder}"), $"the responses showed {folder} URLs");
        });
    }

    private static HttpClient ClientOf(VideoTubeApiFactory factory, TestUser user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false,
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    private static void Collect(JsonNode? node, List<string> strings)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o) Collect(child, strings);
                break;
            case JsonArray a:
                foreach (var child in a) Collect(child, strings);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                strings.Add(s);
                break;
        }
    }
}
