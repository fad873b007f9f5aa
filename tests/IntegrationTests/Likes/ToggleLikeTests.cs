using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Likes;

public sealed class ToggleLikeTests : ApiTestBase
{
    /// <summary>Creates something likeable of the given kind (v, c, t) owned by <paramref name="owner"/>.</summary>
    private async Task<Guid> TargetAsync(string kind, TestUser owner)
    {
        var video = await SeedVideoAsync(owner.Id);
        return kind switch
        {
            "v" => video.Id,
            "c" => await owner.PostCommentAsync(video.Id),
            _ => await owner.PostTweetAsync(),
        };
    }

    private Task<int> LikeRowsAsync(string kind, Guid target, Guid? userId = null) => WithDbAsync(db =>
        db.Likes.Where(l => (kind == "v" ? l.VideoId : kind == "c" ? l.CommentId : l.TweetId) == target)
            .Where(l => userId == null || l.LikedById == userId).CountAsync());

    /// <summary>likesCount and isLiked as the API reports them for the target.</summary>
    private async Task<(int LikesCount, bool IsLiked)> ReportedAsync(string kind, Guid target, TestUser owner, TestUser caller)
    {
        switch (kind)
        {
            case "t":
                var tweets = await (await caller.Client.GetAsync($"/api/v1/tweets/user/{owner.Id}")).DataAsync();
                var tweet = tweets.AsArray().Single(t => SocialRequests.IdOf(t!) == target)!;
                return (tweet["likesCount"]!.GetValue<int>(), tweet["isLiked"]!.GetValue<bool>());
            case "c":
                var videoId = await WithDbAsync(db => db.Comments.Where(c => c.Id == target).Select(c => c.VideoId).SingleAsync());
                var comments = await (await caller.Client.GetAsync($"/api/v1/comments/{videoId}")).DataAsync();
                var comment = comments["docs"]!.AsArray().Single(c => SocialRequests.IdOf(c!) == target)!;
                return (comment["likesCount"]!.GetValue<int>(), comment["isLiked"]!.GetValue<bool>());
            default:
                var videos = await (await owner.Client.GetAsync("/api/v1/dashboard/videos")).DataAsync();
                var video = videos["docs"]!.AsArray().Single(v => SocialRequests.IdOf(v!) == target)!;
                var liked = await (await caller.Client.GetAsync("/api/v1/likes/videos")).DataAsync();
                return (video["likesCount"]!.GetValue<int>(), SocialRequests.IdsOf(liked).Contains(target));
        }
    }

    [TestCase("v")]
    [TestCase("c")]
    [TestCase("t")]
    public async Task Toggle_likes_then_unlikes(string kind)
    {
        var owner = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var target = await TargetAsync(kind, owner);

        var first = await ReadJsonAsync(await fan.Client.PostAsync($"/api/v1/likes/toggle/{kind}/{target}", null));
        Assert.That(first["data"]!["isLiked"]!.GetValue<bool>(), Is.True);
        Assert.That(await LikeRowsAsync(kind, target, fan.Id), Is.EqualTo(1));
        Assert.That(await ReportedAsync(kind, target, owner, fan), Is.EqualTo((1, true)));

        Assert.That(await fan.ToggleLikeAsync(kind, target), Is.False);
        Assert.That(await LikeRowsAsync(kind, target, fan.Id), Is.Zero);
        Assert.That(await ReportedAsync(kind, target, owner, fan), Is.EqualTo((0, false)));
    }

    [TestCase("v")]
    [TestCase("c")]
    [TestCase("t")]
    public async Task Twenty_parallel_toggles_by_one_user_leave_at_most_one_like_and_a_matching_count(string kind)
    {
        var owner = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var target = await TargetAsync(kind, owner);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => fan.Client.PostAsync($"/api/v1/likes/toggle/{kind}/{target}", null)));

        foreach (var response in responses)
            await response.DataAsync(); // every toggle answered 200, none 409 or 500
        var rows = await LikeRowsAsync(kind, target);
        Assert.That(rows, Is.InRange(0, 1));
        Assert.That(await ReportedAsync(kind, target, owner, fan), Is.EqualTo((rows, rows == 1)));
    }

    [Test]
    public async Task Parallel_likes_by_many_users_are_all_counted()
    {
        var owner = await CreateUserAsync();
        var fans = new List<TestUser>();
        for (var i = 0; i < 8; i++)
            fans.Add(await CreateUserAsync());
        var tweet = await owner.PostTweetAsync();

        var results = await Task.WhenAll(fans.Select(fan => fan.ToggleLikeAsync("t", tweet)));

        Assert.That(results, Is.All.True);
        Assert.That(await LikeRowsAsync("t", tweet), Is.EqualTo(8));
        Assert.That((await ReportedAsync("t", tweet, owner, owner)).LikesCount, Is.EqualTo(8));
    }

    [TestCase("v", "Video not found")]
    [TestCase("c", "Comment not found")]
    [TestCase("t", "Tweet not found")]
    public async Task Unknown_target_is_404_and_malformed_id_400(string kind, string message)
    {
        var user = await CreateUserAsync();
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync($"/api/v1/likes/toggle/{kind}/{Guid.NewGuid()}", null),
            HttpStatusCode.NotFound), Is.EqualTo(message));
        await AssertErrorAsync(await user.Client.PostAsync($"/api/v1/likes/toggle/{kind}/not-a-guid", null), HttpStatusCode.BadRequest);
        Assert.That(await WithDbAsync(db => db.Likes.CountAsync(l => l.LikedById == user.Id)), Is.Zero);
    }

    [Test]
    public async Task Unpublished_video_of_someone_else_and_its_comments_cannot_be_liked()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var hidden = await SeedVideoAsync(owner.Id, isPublished: false);
        var comment = await owner.PostCommentAsync(hidden.Id);

        await AssertErrorAsync(await other.Client.PostAsync($"/api/v1/likes/toggle/v/{hidden.Id}", null), HttpStatusCode.NotFound);
        await AssertErrorAsync(await other.Client.PostAsync($"/api/v1/likes/toggle/c/{comment}", null), HttpStatusCode.NotFound);
        Assert.That(await owner.ToggleLikeAsync("v", hidden.Id), Is.True, "the owner sees their own unpublished video");
    }

    [Test]
    public async Task A_like_stays_removable_after_the_video_is_unpublished()
    {
        var owner = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);
        await fan.ToggleLikeAsync("v", video.Id);
        await WithDbAsync(db => db.Videos.Where(v => v.Id == video.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsPublished, false)));

        Assert.That(await fan.ToggleLikeAsync("v", video.Id), Is.False);
        Assert.That(await LikeRowsAsync("v", video.Id), Is.Zero);
    }

    [Test]
    public async Task Toggles_without_a_token_are_401()
    {
        var owner = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);
        using var anonymous = CreateClient();
        foreach (var kind in new[] { "v", "c", "t" })
            await AssertErrorAsync(await anonymous.PostAsync($"/api/v1/likes/toggle/{kind}/{video.Id}", null), HttpStatusCode.Unauthorized);
        Assert.That(await WithDbAsync(db => db.Likes.CountAsync(l => l.VideoId == video.Id)), Is.Zero);
    }
}
