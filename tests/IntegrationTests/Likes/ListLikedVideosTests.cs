using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Likes;

public sealed class ListLikedVideosTests : ApiTestBase
{
    [Test]
    public async Task Lists_liked_videos_newest_like_first_with_owners_hiding_others_unpublished_videos()
    {
        var creator = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var older = await SeedVideoAsync(creator.Id, title: "older");
        var newer = await SeedVideoAsync(creator.Id, title: "newer");
        var laterHidden = await SeedVideoAsync(creator.Id, title: "hidden later");
        var own = await SeedVideoAsync(fan.Id, title: "own draft", isPublished: false);
        var notLiked = await SeedVideoAsync(creator.Id);
        var tweet = await creator.PostTweetAsync();
        // Liked in this order: newer first, then older, so older is the most recent like.
        await fan.ToggleLikeAsync("v", newer.Id);
        await fan.ToggleLikeAsync("v", laterHidden.Id);
        await fan.ToggleLikeAsync("v", own.Id);
        await fan.ToggleLikeAsync("v", older.Id);
        await fan.ToggleLikeAsync("t", tweet);
        await creator.ToggleLikeAsync("v", notLiked.Id);
        await WithDbAsync(db => db.Videos.Where(v => v.Id == laterHidden.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.IsPublished, false)));

        var response = await fan.Client.GetAsync("/api/v1/likes/videos");

        var json = await ReadJsonAsync(response);
        var data = json["data"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Liked videos fetched successfully"));
            Assert.That(SocialRequests.IdsOf(data), Is.EqualTo(new[] { older.Id, own.Id, newer.Id }));
            Assert.That(data[0]!["title"]!.GetValue<string>(), Is.EqualTo("older"));
            Assert.That(data[0]!["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(creator.Username));
            Assert.That(data[1]!["isPublished"]!.GetValue<bool>(), Is.False);
            Assert.That(data[0]!["videoFile"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task No_likes_is_an_empty_array_and_no_token_is_401()
    {
        var user = await CreateUserAsync();
        Assert.That((await (await user.Client.GetAsync("/api/v1/likes/videos")).DataAsync()).AsArray(), Is.Empty);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync("/api/v1/likes/videos"), HttpStatusCode.Unauthorized);
        Assert.That(await WithDbAsync(db => db.Likes.CountAsync(l => l.LikedById == user.Id)), Is.Zero);
    }

    [Test]
    public async Task Liked_videos_with_their_owners_are_read_in_one_statement()
    {
        var creator = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var video = await SeedVideoAsync(creator.Id);
        await fan.ToggleLikeAsync("v", video.Id);

        Factory.SqlCommands.Reset();
        var data = await (await fan.Client.GetAsync("/api/v1/likes/videos")).DataAsync();

        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
        Assert.That(SocialRequests.IdsOf(data), Is.EqualTo(new[] { video.Id }));
    }
}
