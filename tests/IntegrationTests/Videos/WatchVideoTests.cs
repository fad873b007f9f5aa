using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Videos;

public sealed class WatchVideoTests : ApiTestBase
{
    private static async Task<JsonNode> GetAsync(TestUser user, Guid videoId)
    {
        var response = await user.Client.GetAsync($"/api/v1/videos/{videoId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Video fetched successfully"));
        return json["data"]!;
    }

    [Test]
    public async Task Returns_the_video_with_likes_and_the_owners_channel_from_the_callers_view()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id, title: "detail", views: 7);
        await WithDbAsync(async db =>
        {
            db.Likes.AddRange(new Like { LikedById = viewer.Id, VideoId = video.Id }, new Like { LikedById = fan.Id, VideoId = video.Id });
            db.Subscriptions.AddRange(new Subscription { SubscriberId = viewer.Id, ChannelId = owner.Id },
                new Subscription { SubscriberId = fan.Id, ChannelId = owner.Id });
            return await db.SaveChangesAsync();
        });

        var data = await GetAsync(viewer, video.Id);

        Assert.Multiple(() =>
        {
            Assert.That(data["_id"]!.GetValue<string>(), Is.EqualTo(video.Id.ToString()));
            Assert.That(data["title"]!.GetValue<string>(), Is.EqualTo("detail"));
            Assert.That(data["views"]!.GetValue<long>(), Is.EqualTo(8), "the view is counted before the read");
            Assert.That(data["likesCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["isLiked"]!.GetValue<bool>(), Is.True);
            Assert.That(data["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(owner.Id.ToString()));
            Assert.That(data["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(owner.Username));
            Assert.That(data["owner"]!["subscribersCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["owner"]!["isSubscribed"]!.GetValue<bool>(), Is.True);
        });

        var ownView = await GetAsync(owner, video.Id);
        Assert.That((ownView["isLiked"]!.GetValue<bool>(), ownView["owner"]!["isSubscribed"]!.GetValue<bool>()), Is.EqualTo((false, false)));
    }

    [Test]
    public async Task Concurrent_views_are_all_counted()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => viewer.Client.GetAsync($"/api/v1/videos/{video.Id}")));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        await FlushViewsAsync();
        Assert.That(await StoredViewsAsync(video.Id), Is.EqualTo(10));
        Assert.That(await WithDbAsync(db => db.WatchHistory.CountAsync(h => h.UserId == viewer.Id)), Is.EqualTo(1));
    }

    [Test]
    public async Task Watching_records_history_once_per_video_and_moves_it_to_the_top()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        await GetAsync(viewer, video.Id);
        var first = await WithDbAsync(db => db.WatchHistory.SingleAsync(h => h.UserId == viewer.Id && h.VideoId == video.Id));
        await Task.Delay(20);
        await GetAsync(viewer, video.Id);
        var second = await WithDbAsync(db => db.WatchHistory.SingleAsync(h => h.UserId == viewer.Id && h.VideoId == video.Id));

        Assert.That(second.WatchedAt, Is.GreaterThan(first.WatchedAt));
    }

    [Test]
    public async Task Unpublished_videos_are_404_for_others_and_visible_to_their_owner()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var draft = await SeedVideoAsync(owner.Id, isPublished: false);

        Assert.That(await AssertErrorAsync(await other.Client.GetAsync($"/api/v1/videos/{draft.Id}"), HttpStatusCode.NotFound),
            Is.EqualTo("Video not found"));
        Assert.That((await GetAsync(owner, draft.Id))["isPublished"]!.GetValue<bool>(), Is.False);
        await FlushViewsAsync();
        Assert.That(await StoredViewsAsync(draft.Id), Is.EqualTo(1), "the refused view is not counted");
        Assert.That(await WithDbAsync(db => db.WatchHistory.AnyAsync(h => h.UserId == other.Id)), Is.False);
    }

    [Test]
    public async Task Malformed_unknown_and_anonymous_requests_fail()
    {
        var user = await CreateUserAsync();
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/videos/not-an-id"), HttpStatusCode.BadRequest),
            Is.EqualTo("Invalid video id"));
        await AssertErrorAsync(await user.Client.GetAsync($"/api/v1/videos/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync($"/api/v1/videos/{Guid.NewGuid()}"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_page_is_one_select_and_the_history_one_insert_with_no_write_to_the_video_row()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        Factory.SqlCommands.Reset();
        await GetAsync(viewer, video.Id);

        var commands = Factory.SqlCommands.Commands;
        var all = string.Join("\n---\n", commands);
        Assert.That(commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1), all);
        Assert.That(commands.Count(c => c.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1), all);
        Assert.That(commands, Has.Count.EqualTo(2), all);
    }

    [Test]
    public async Task Views_are_buffered_shown_to_the_viewer_and_stored_in_one_statement_for_every_video()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var other = await CreateUserAsync();
        var popular = await SeedVideoAsync(owner.Id, views: 100);
        var quiet = await SeedVideoAsync(owner.Id);

        Assert.That((await GetAsync(viewer, popular.Id))["views"]!.GetValue<long>(), Is.EqualTo(101));
        Assert.That((await GetAsync(other, popular.Id))["views"]!.GetValue<long>(), Is.EqualTo(102),
            "this instance's views not stored yet are part of the figure");
        await GetAsync(viewer, quiet.Id);
        Assert.That(await StoredViewsAsync(popular.Id), Is.EqualTo(100), "nothing written per view");

        Factory.SqlCommands.Reset();
        await FlushViewsAsync();

        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
        Assert.That((await StoredViewsAsync(popular.Id), await StoredViewsAsync(quiet.Id)), Is.EqualTo((102L, 1L)));
        Assert.That((await GetAsync(viewer, popular.Id))["views"]!.GetValue<long>(), Is.EqualTo(103), "flushed views are not counted twice");
        await FlushViewsAsync();
        Assert.That(await StoredViewsAsync(popular.Id), Is.EqualTo(103));
    }

    [Test]
    public async Task Views_of_a_video_deleted_before_the_flush_are_dropped_without_failing_the_others()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var doomed = await SeedVideoAsync(owner.Id);
        var kept = await SeedVideoAsync(owner.Id);
        await GetAsync(viewer, doomed.Id);
        await GetAsync(viewer, kept.Id);

        Assert.That((await owner.Client.DeleteAsync($"/api/v1/videos/{doomed.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await FlushViewsAsync();

        Assert.That(await StoredViewsAsync(kept.Id), Is.EqualTo(1));
    }
}
