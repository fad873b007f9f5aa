using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Reliability;

/// <summary>
/// Issue 10, reproductions 1, 9 and 12: every mutating route raced against a delete of its target (or against itself)
/// answers 2xx or a clear 404 in the envelope, never a 5xx; the end state agrees with the answers, and the storage
/// root holds exactly the files rows point to. Outcomes only, no timings.
/// </summary>
public sealed class RaceTests : ApiTestBase
{
    private const int Trials = 5;

    [Test, CancelAfter(120_000)]
    public async Task Tweet_edits_racing_its_delete_answer_200_or_404()
    {
        var user = await CreateUserAsync();
        for (var trial = 0; trial < Trials; trial++)
        {
            var tweet = await user.PostTweetAsync();
            var responses = await Task.WhenAll(
                Enumerable.Range(0, 4).Select(i => user.Client.PatchAsJsonAsync($"/api/v1/tweets/{tweet}", new { content = $"edit {i}" }))
                    .Append(user.Client.DeleteAsync($"/api/v1/tweets/{tweet}")));
            await AssertOnlyAsync(responses, HttpStatusCode.OK, HttpStatusCode.NotFound);
            Assert.That(responses[^1].StatusCode, Is.EqualTo(HttpStatusCode.OK), "the delete itself always wins its target");
            Assert.That(await WithDbAsync(db => db.Tweets.AnyAsync(t => t.Id == tweet)), Is.False);
        }
    }

    [Test, CancelAfter(120_000)]
    public async Task Comment_edits_racing_its_delete_answer_200_or_404()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        for (var trial = 0; trial < Trials; trial++)
        {
            var comment = await user.PostCommentAsync(video.Id);
            var responses = await Task.WhenAll(
                Enumerable.Range(0, 4).Select(i => user.Client.PatchAsJsonAsync($"/api/v1/comments/c/{comment}", new { content = $"edit {i}" }))
                    .Append(user.Client.DeleteAsync($"/api/v1/comments/c/{comment}")));
            await AssertOnlyAsync(responses, HttpStatusCode.OK, HttpStatusCode.NotFound);
            Assert.That(await WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == comment)), Is.False);
        }
    }

    [Test, CancelAfter(120_000)]
    public async Task New_comments_racing_the_videos_delete_answer_201_or_404_and_leave_no_comment()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        for (var trial = 0; trial < Trials; trial++)
        {
            var video = await SeedVideoAsync(owner.Id);
            var responses = await Task.WhenAll(
                Enumerable.Range(0, 5).Select(i => viewer.Client.PostAsJsonAsync($"/api/v1/comments/{video.Id}", new { content = $"c{i}" }))
                    .Append(owner.Client.DeleteAsync($"/api/v1/videos/{video.Id}")));
            await AssertOnlyAsync(responses, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.NotFound);
            Assert.That(await WithDbAsync(db => db.Comments.AnyAsync(c => c.VideoId == video.Id)), Is.False);
        }
    }

    [Test, CancelAfter(180_000)]
    public async Task Video_edits_thumbnails_and_toggles_racing_its_delete_answer_200_or_404_and_leave_no_orphan()
    {
        var owner = await CreateUserAsync();
        for (var trial = 0; trial < Trials; trial++)
        {
            var video = await SeedVideoAsync(owner.Id);
            var edits = Enumerable.Range(0, 3).Select(i => owner.Client.PatchAsync($"/api/v1/videos/{video.Id}", ThumbnailForm($"t{i}")));
            var toggles = Enumerable.Range(0, 2).Select(_ => owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{video.Id}", null));
            var responses = await Task.WhenAll(edits.Concat(toggles).Append(owner.Client.DeleteAsync($"/api/v1/videos/{video.Id}")));
            await AssertOnlyAsync(responses, HttpStatusCode.OK, HttpStatusCode.NotFound);
            Assert.That(responses[^1].StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await WithDbAsync(db => db.Videos.AnyAsync(v => v.Id == video.Id)), Is.False);
        }
        await AssertStorageHoldsOnlyReferencedFilesAsync();
    }

    [Test, CancelAfter(120_000)]
    public async Task Playlist_edits_racing_its_delete_answer_200_or_404()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        for (var trial = 0; trial < Trials; trial++)
        {
            var playlist = await user.CreatePlaylistAsync();
            var responses = await Task.WhenAll(
                Enumerable.Range(0, 3).Select(i => user.Client.PatchAsJsonAsync($"/api/v1/playlist/{playlist}", new { name = $"n{i}", description = "d" }))
                    .Append(user.Client.PatchAsync($"/api/v1/playlist/add/{video.Id}/{playlist}", null))
                    .Append(user.Client.DeleteAsync($"/api/v1/playlist/{playlist}")));
            await AssertOnlyAsync(responses, HttpStatusCode.OK, HttpStatusCode.NotFound);
            Assert.That(await WithDbAsync(db => db.Playlists.AnyAsync(p => p.Id == playlist)), Is.False);
        }
    }

    [Test, CancelAfter(120_000)]
    public async Task Likes_racing_the_targets_delete_answer_200_or_404_and_leave_no_like()
    {
        var owner = await CreateUserAsync();
        var fans = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CreateUserAsync()));
        for (var trial = 0; trial < Trials; trial++)
        {
            var tweet = await owner.PostTweetAsync();
            var responses = await Task.WhenAll(
                fans.Select(fan => fan.Client.PostAsync($"/api/v1/likes/toggle/t/{tweet}", null))
                    .Append(owner.Client.DeleteAsync($"/api/v1/tweets/{tweet}")));
            await AssertOnlyAsync(responses, HttpStatusCode.OK, HttpStatusCode.NotFound);
            Assert.That(await WithDbAsync(db => db.Likes.AnyAsync(l => l.TweetId == tweet)), Is.False);
        }
    }

    [Test, CancelAfter(120_000)]
    public async Task Ten_concurrent_thumbnail_replacements_all_succeed_and_leave_exactly_the_current_file()
    {
        var owner = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => owner.Client.PatchAsync($"/api/v1/videos/{video.Id}", ThumbnailForm($"t{i}"))));

        await AssertOnlyAsync(responses, HttpStatusCode.OK);
        var key = await WithDbAsync(db => db.Videos.Where(v => v.Id == video.Id).Select(v => v.ThumbnailKey).SingleAsync());
        var thumbnails = StoredFiles().Where(f => f.StartsWith(key[..key.IndexOf('/')], StringComparison.Ordinal)).ToList();
        Assert.That(thumbnails, Is.EqualTo(new[] { key }), "only the thumbnail the row points to remains");
        await AssertStorageHoldsOnlyReferencedFilesAsync();
    }

    [Test, CancelAfter(120_000)]
    public async Task Ten_parallel_account_updates_and_avatar_replacements_by_one_user_all_succeed()
    {
        var user = await CreateUserAsync();

        var updates = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => user.Client.PatchAsJsonAsync(
            "/api/v1/users/update-account", new { fullName = $"Name {i}", email = $"{user.Username}{i}@example.com" })));
        await AssertOnlyAsync(updates, HttpStatusCode.OK);

        var avatars = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
        {
            var form = new MultipartFormDataContent { { ImageContent(TestFiles.Png()), "avatar", "a.png" } };
            return user.Client.PatchAsync("/api/v1/users/avatar", form);
        }));
        await AssertOnlyAsync(avatars, HttpStatusCode.OK);

        var stored = await WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.That(updates.Select(r => r.Content.ReadAsStringAsync().Result), Has.Some.Contains(stored.FullName),
            "the last writer's values are stored");
        Assert.That(StoredFiles().Count(f => f.StartsWith("avatars/", StringComparison.Ordinal) && stored.AvatarKey == f),
            Is.EqualTo(1));
        await AssertStorageHoldsOnlyReferencedFilesAsync();
    }

    private static MultipartFormDataContent ThumbnailForm(string title) => new()
    {
        { new StringContent(title), "title" },
        { ImageContent(TestFiles.Png()), "thumbnail", "t.png" },
    };

    private static async Task AssertOnlyAsync(IEnumerable<HttpResponseMessage> responses, params HttpStatusCode[] allowed)
    {
        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(allowed, Does.Contain(response.StatusCode), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
            if ((int)response.StatusCode >= 400)
                await AssertErrorAsync(response, response.StatusCode);
        }
    }

    private List<string> StoredFiles() =>
        Directory.Exists(Factory.MediaRoot)
            ? Directory.GetFiles(Factory.MediaRoot, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Factory.MediaRoot, f).Replace('\\', '/')).ToList()
            : [];

    /// <summary>No orphan: every file in the storage root is one a video or user row points to.</summary>
    private async Task AssertStorageHoldsOnlyReferencedFilesAsync()
    {
        var keys = await WithDbAsync(async db =>
        {
            var videoKeys = await db.Videos.Select(v => new[] { v.ThumbnailKey, v.VideoFileKey }).ToListAsync();
            var userKeys = await db.Users.Select(u => new[] { u.AvatarKey, u.CoverImageKey }).ToListAsync();
            return videoKeys.Concat(userKeys).SelectMany(k => k).Where(k => !string.IsNullOrEmpty(k)).ToList();
        });
        var orphans = StoredFiles().Where(f => !keys.Any(k => k == f || k.EndsWith("/" + f, StringComparison.Ordinal))).ToList();
        Assert.That(orphans, Is.Empty, "files no row points to");
    }
}
