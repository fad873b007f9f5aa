using System.Net;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Videos;

public sealed class DeleteVideoTests : VideoTestBase
{
    [Test]
    public async Task Deleting_removes_the_files_and_every_dependent_row()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var published = await PublishAsync(owner);
        var videoId = Guid.Parse(published["_id"]!.GetValue<string>());
        var keep = await SeedVideoAsync(owner.Id, title: "kept");
        var files = MediaFileCount();

        var playlistId = await WithDbAsync(async db =>
        {
            var comment = new Comment { Content = "nice", VideoId = videoId, OwnerId = viewer.Id };
            var playlist = new Playlist { Name = "mix", Description = "d", OwnerId = viewer.Id };
            db.AddRange(comment, playlist);
            db.Likes.AddRange(new Like { LikedById = viewer.Id, VideoId = videoId }, new Like { LikedById = owner.Id, Comment = comment },
                new Like { LikedById = viewer.Id, VideoId = keep.Id });
            db.PlaylistVideos.AddRange(new PlaylistVideo { Playlist = playlist, VideoId = videoId, AddedAt = DateTime.UtcNow },
                new PlaylistVideo { Playlist = playlist, VideoId = keep.Id, AddedAt = DateTime.UtcNow });
            db.WatchHistory.Add(new WatchHistoryEntry { UserId = viewer.Id, VideoId = videoId, WatchedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return playlist.Id;
        });

        var response = await owner.Client.DeleteAsync($"/api/v1/videos/{videoId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Video deleted successfully"));
        Assert.That(json["data"]!.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(MediaFileCount(), Is.EqualTo(files - 2));

        var remaining = await WithDbAsync(async db => new
        {
            Video = await db.Videos.AnyAsync(v => v.Id == videoId),
            Comments = await db.Comments.CountAsync(c => c.VideoId == videoId),
            Likes = await db.Likes.CountAsync(),
            Entries = await db.PlaylistVideos.Where(pv => pv.PlaylistId == playlistId).Select(pv => pv.VideoId).ToListAsync(),
            History = await db.WatchHistory.CountAsync(h => h.VideoId == videoId),
        });
        Assert.Multiple(() =>
        {
            Assert.That(remaining.Video, Is.False);
            Assert.That(remaining.Comments, Is.Zero);
            Assert.That(remaining.Likes, Is.EqualTo(1), "only the like on the other video is left (comment likes cascade too)");
            Assert.That(remaining.Entries, Is.EqualTo(new[] { keep.Id }));
            Assert.That(remaining.History, Is.Zero);
        });
        await AssertErrorAsync(await owner.Client.GetAsync($"/api/v1/videos/{videoId}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Only_the_owner_may_delete()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        await AssertErrorAsync(await other.Client.DeleteAsync($"/api/v1/videos/{video.Id}"), HttpStatusCode.Forbidden);
        await AssertErrorAsync(await other.Client.DeleteAsync($"/api/v1/videos/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.That(await AssertErrorAsync(await other.Client.DeleteAsync("/api/v1/videos/x"), HttpStatusCode.BadRequest),
            Is.EqualTo("Invalid video id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.DeleteAsync($"/api/v1/videos/{video.Id}"), HttpStatusCode.Unauthorized);
        Assert.That(await WithDbAsync(db => db.Videos.AnyAsync(v => v.Id == video.Id)), Is.True);
    }
}
