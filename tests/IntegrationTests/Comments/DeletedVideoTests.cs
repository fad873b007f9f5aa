using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Comments;

/// <summary>Deleting a video (the row; its route lives with the videos feature) takes everything attached to it.</summary>
public sealed class DeletedVideoTests : ApiTestBase
{
    [Test]
    public async Task Deleting_a_video_removes_its_comments_their_likes_its_likes_and_playlist_entries()
    {
        var owner = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var doomed = await SeedVideoAsync(owner.Id);
        var kept = await SeedVideoAsync(owner.Id);
        var doomedComment = await fan.PostCommentAsync(doomed.Id);
        var keptComment = await fan.PostCommentAsync(kept.Id);
        await owner.ToggleLikeAsync("c", doomedComment);
        await owner.ToggleLikeAsync("c", keptComment);
        await fan.ToggleLikeAsync("v", doomed.Id);
        await fan.ToggleLikeAsync("v", kept.Id);
        var playlist = await fan.CreatePlaylistAsync();
        await fan.AddToPlaylistAsync(doomed.Id, playlist);
        await fan.AddToPlaylistAsync(kept.Id, playlist);

        await WithDbAsync(db => db.Videos.Where(v => v.Id == doomed.Id).ExecuteDeleteAsync());

        var comments = await WithDbAsync(db => db.Comments.Select(c => c.Id).ToListAsync());
        var likes = await WithDbAsync(db => db.Likes.AsNoTracking().ToListAsync());
        var entries = await WithDbAsync(db => db.PlaylistVideos.Select(pv => pv.VideoId).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(comments, Is.EqualTo(new[] { keptComment }));
            Assert.That(likes.Select(Target), Is.EquivalentTo(new[] { keptComment, kept.Id }));
            Assert.That(entries, Is.EqualTo(new[] { kept.Id }));
        });
        var shown = await (await fan.Client.GetAsync($"/api/v1/playlist/{playlist}")).DataAsync();
        Assert.That(SocialRequests.IdsOf(shown["videos"]!), Is.EqualTo(new[] { kept.Id }));
    }

    private static Guid Target(Like like) => like.VideoId ?? like.CommentId ?? like.TweetId!.Value;
}
