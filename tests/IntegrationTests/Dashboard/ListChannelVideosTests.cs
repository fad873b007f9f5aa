using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Dashboard;

public sealed class ListChannelVideosTests : ApiTestBase
{
    [Test]
    public async Task Lists_own_videos_including_unpublished_newest_first_with_likes_and_comments()
    {
        var channel = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var oldest = await SeedVideoAsync(channel.Id, title: "oldest");
        var draft = await SeedVideoAsync(channel.Id, title: "draft", isPublished: false);
        var newest = await SeedVideoAsync(channel.Id, title: "newest", views: 5);
        var notMine = await SeedVideoAsync(fan.Id);
        await fan.ToggleLikeAsync("v", oldest.Id);
        await channel.ToggleLikeAsync("v", oldest.Id);
        await channel.ToggleLikeAsync("v", draft.Id);
        await fan.PostCommentAsync(oldest.Id);
        await fan.PostCommentAsync(oldest.Id);
        await channel.PostCommentAsync(draft.Id);
        await fan.ToggleLikeAsync("v", notMine.Id);
        await fan.PostCommentAsync(notMine.Id);

        var page1 = await (await channel.Client.GetAsync("/api/v1/dashboard/videos?limit=2")).DataAsync();
        var page2 = await (await channel.Client.GetAsync("/api/v1/dashboard/videos?limit=2&page=2")).DataAsync();

        var docs = page1["docs"]!.AsArray().Concat(page2["docs"]!.AsArray()).ToList();
        var expected = await WithDbAsync(db => db.Videos.Where(v => v.OwnerId == channel.Id)
            .Select(v => new
            {
                v.Id,
                Likes = db.Likes.Count(l => l.VideoId == v.Id),
                Comments = db.Comments.Count(c => c.VideoId == v.Id),
            })
            .ToDictionaryAsync(v => v.Id));
        Assert.Multiple(() =>
        {
            Assert.That(docs.Select(d => SocialRequests.IdOf(d!)), Is.EqualTo(new[] { newest.Id, draft.Id, oldest.Id }));
            Assert.That(page1["totalDocs"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(page1["totalPages"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(page1["hasNextPage"]!.GetValue<bool>(), Is.True);
            Assert.That(page2["hasNextPage"]!.GetValue<bool>(), Is.False);
            Assert.That(docs[1]!["isPublished"]!.GetValue<bool>(), Is.False);
            Assert.That(docs[0]!["views"]!.GetValue<long>(), Is.EqualTo(5));
            Assert.That(docs.Select(d => d!["likesCount"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(docs.Select(d => d!["commentsCount"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 1, 2 }));
            foreach (var doc in docs)
            {
                var figures = expected[SocialRequests.IdOf(doc!)];
                Assert.That(doc!["likesCount"]!.GetValue<int>(), Is.EqualTo(figures.Likes));
                Assert.That(doc["commentsCount"]!.GetValue<int>(), Is.EqualTo(figures.Comments));
            }
        });
    }

    [Test]
    public async Task No_videos_is_an_empty_page_and_no_token_is_401()
    {
        var user = await CreateUserAsync();
        var data = await (await user.Client.GetAsync("/api/v1/dashboard/videos")).DataAsync();
        Assert.That(data["docs"]!.AsArray(), Is.Empty);
        Assert.That(data["totalDocs"]!.GetValue<long>(), Is.Zero);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync("/api/v1/dashboard/videos"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_page_with_its_figures_and_total_is_read_in_one_statement()
    {
        var channel = await CreateUserAsync();
        var video = await SeedVideoAsync(channel.Id);
        await channel.ToggleLikeAsync("v", video.Id);
        await channel.PostCommentAsync(video.Id);

        Factory.SqlCommands.Reset();
        var data = await (await channel.Client.GetAsync("/api/v1/dashboard/videos")).DataAsync();

        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
        var doc = data["docs"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["totalDocs"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(doc["likesCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(doc["commentsCount"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }
}
