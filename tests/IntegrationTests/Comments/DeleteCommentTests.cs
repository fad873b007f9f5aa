using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Comments;

public sealed class DeleteCommentTests : ApiTestBase
{
    private Task<bool> ExistsAsync(Guid id) => WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == id));

    [Test]
    public async Task Author_deletes_the_comment_and_its_likes_go_too()
    {
        var videoOwner = await CreateUserAsync();
        var author = await CreateUserAsync();
        var video = await SeedVideoAsync(videoOwner.Id);
        var id = await author.PostCommentAsync(video.Id);
        await videoOwner.ToggleLikeAsync("c", id);
        await author.ToggleLikeAsync("c", id);

        var json = await ReadJsonAsync(await author.Client.DeleteAsync($"/api/v1/comments/c/{id}"));

        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Comment deleted successfully"));
        Assert.That(json["data"]!.AsObject(), Is.Empty);
        Assert.That(await ExistsAsync(id), Is.False);
        Assert.That(await WithDbAsync(db => db.Likes.CountAsync(l => l.CommentId == id)), Is.Zero);
    }

    [Test]
    public async Task Video_owner_may_delete_comments_on_their_video()
    {
        var videoOwner = await CreateUserAsync();
        var author = await CreateUserAsync();
        var video = await SeedVideoAsync(videoOwner.Id);
        var id = await author.PostCommentAsync(video.Id, "spam");

        await (await videoOwner.Client.DeleteAsync($"/api/v1/comments/c/{id}")).DataAsync();

        Assert.That(await ExistsAsync(id), Is.False);
    }

    [Test]
    public async Task A_third_user_gets_403_and_the_comment_stays()
    {
        var videoOwner = await CreateUserAsync();
        var author = await CreateUserAsync();
        var stranger = await CreateUserAsync();
        var video = await SeedVideoAsync(videoOwner.Id);
        var id = await author.PostCommentAsync(video.Id);

        await AssertErrorAsync(await stranger.Client.DeleteAsync($"/api/v1/comments/c/{id}"), HttpStatusCode.Forbidden);

        Assert.That(await ExistsAsync(id), Is.True);
    }

    [Test]
    public async Task Unknown_id_is_404_malformed_400_and_no_token_401()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        var id = await user.PostCommentAsync(video.Id);
        await AssertErrorAsync(await user.Client.DeleteAsync($"/api/v1/comments/c/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertErrorAsync(await user.Client.DeleteAsync("/api/v1/comments/c/1"), HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.DeleteAsync($"/api/v1/comments/c/{id}"), HttpStatusCode.Unauthorized);
        Assert.That(await ExistsAsync(id), Is.True);
    }
}
