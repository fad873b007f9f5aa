using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.IntegrationTests.Counters;

/// <summary>
/// Issue 11: counts are stored, kept by triggers on every write path, exact under parallel toggles, cascades included,
/// and the repair puts back exactly the counters that were made wrong.
/// </summary>
public sealed class StoredCountersTests : ApiTestBase
{
    /// <summary>Every stored counter beside the COUNT(*)/SUM it stands for; a row per mismatch.</summary>
    private const string MismatchesSql = """
        WITH checks (what, stored, actual) AS (
            SELECT 'users.subscribers_count ' || u.id, u.subscribers_count,
                   (SELECT count(*) FROM subscriptions s WHERE s.channel_id = u.id) FROM users u
            UNION ALL SELECT 'users.subscriptions_count ' || u.id, u.subscriptions_count,
                   (SELECT count(*) FROM subscriptions s WHERE s.subscriber_id = u.id) FROM users u
            UNION ALL SELECT 'users.videos_count ' || u.id, u.videos_count,
                   (SELECT count(*) FROM videos v WHERE v.owner_id = u.id) FROM users u
            UNION ALL SELECT 'users.published_videos_count ' || u.id, u.published_videos_count,
                   (SELECT count(*) FROM videos v WHERE v.owner_id = u.id AND v.is_published) FROM users u
            UNION ALL SELECT 'users.total_views ' || u.id, u.total_views,
                   (SELECT coalesce(sum(v.views), 0) FROM videos v WHERE v.owner_id = u.id) FROM users u
            UNION ALL SELECT 'users.total_likes ' || u.id, u.total_likes,
                   (SELECT count(*) FROM likes l JOIN videos v ON v.id = l.video_id WHERE v.owner_id = u.id) FROM users u
            UNION ALL SELECT 'videos.likes_count ' || v.id, v.likes_count,
                   (SELECT count(*) FROM likes l WHERE l.video_id = v.id) FROM videos v
            UNION ALL SELECT 'videos.comments_count ' || v.id, v.comments_count,
                   (SELECT count(*) FROM comments c WHERE c.video_id = v.id) FROM videos v
            UNION ALL SELECT 'comments.likes_count ' || c.id, c.likes_count,
                   (SELECT count(*) FROM likes l WHERE l.comment_id = c.id) FROM comments c
            UNION ALL SELECT 'tweets.likes_count ' || t.id, t.likes_count,
                   (SELECT count(*) FROM likes l WHERE l.tweet_id = t.id) FROM tweets t
            UNION ALL SELECT 'catalogue_counters.published_videos', c.published_videos,
                   (SELECT count(*) FROM videos v WHERE v.is_published) FROM catalogue_counters c)
        SELECT what || ': stored ' || stored || ', actual ' || actual FROM checks WHERE stored <> actual
        """;

    private static readonly HttpStatusCode[] Answered =
        [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NotFound];

    [Test]
    public async Task Parallel_toggles_cascades_and_deletes_leave_every_counter_equal_to_its_count_and_repair_fixes_exactly_the_corrupted_ones()
    {
        var users = new List<TestUser>();
        for (var i = 0; i < 8; i++)
            users.Add(await CreateUserAsync());
        var videos = new List<(Guid Id, TestUser Owner)>();
        var comments = new ConcurrentBag<(Guid Id, TestUser Author)>();
        var tweets = new List<Guid>();
        foreach (var user in users)
        {
            videos.Add(((await SeedVideoAsync(user.Id, views: 3)).Id, user));
            videos.Add(((await SeedVideoAsync(user.Id, isPublished: false)).Id, user));
            tweets.Add(await user.PostTweetAsync());
        }
        foreach (var (id, owner) in videos.Where((_, index) => index % 2 == 0))
            comments.Add((await owner.PostCommentAsync(id), owner));

        var doomedUser = users[^1];
        var doomedVideo = videos[0];
        var statuses = new ConcurrentBag<(HttpStatusCode Status, string What)>();
        async Task Send(Task<HttpResponseMessage> request, string what)
        {
            using var response = await request;
            statuses.Add((response.StatusCode, $"{what}: {await response.Content.ReadAsStringAsync()}"));
        }

        async Task Storm(TestUser user, int seed)
        {
            var random = new Random(seed);
            for (var round = 0; round < 30; round++)
            {
                var video = videos[random.Next(videos.Count)];
                var others = users.Where(u => u != user).ToList();
                var commentList = comments.ToList();
                var comment = commentList[random.Next(commentList.Count)];
                switch (random.Next(8))
                {
                    case 0:
                        await Send(user.Client.PostAsync($"/api/v1/likes/toggle/v/{video.Id}", null), "like video");
                        break;
                    case 1:
                        await Send(user.Client.PostAsync($"/api/v1/likes/toggle/c/{comment.Id}", null), "like comment");
                        break;
                    case 2:
                        await Send(user.Client.PostAsync($"/api/v1/likes/toggle/t/{tweets[random.Next(tweets.Count)]}", null),
                            "like tweet");
                        break;
                    case 3:
                        await Send(user.Client.PostAsync($"/api/v1/subscriptions/c/{others[random.Next(others.Count)].Id}", null),
                            "subscribe");
                        break;
                    case 4:
                        using (var response = await user.Client.PostAsJsonAsync($"/api/v1/comments/{video.Id}", new { content = "storm" }))
                        {
                            statuses.Add((response.StatusCode, "comment"));
                            if (response.StatusCode == HttpStatusCode.Created)
                                comments.Add((SocialRequests.IdOf((await ReadJsonAsync(response))["data"]!), user));
                        }
                        break;
                    case 5:
                        var own = commentList.Where(c => c.Author == user).ToList();
                        if (own.Count > 0)
                            await Send(user.Client.DeleteAsync($"/api/v1/comments/c/{own[random.Next(own.Count)].Id}"),
                                "delete comment");
                        break;
                    case 6:
                        var mine = videos.Where(v => v.Owner == user).ToList();
                        await Send(user.Client.PatchAsync($"/api/v1/videos/toggle/publish/{mine[random.Next(mine.Count)].Id}", null),
                            "toggle publish");
                        break;
                    default:
                        await Send(user.Client.GetAsync($"/api/v1/videos/{video.Id}"), "watch");
                        break;
                }
            }
        }

        async Task DeleteInTheMiddle()
        {
            await Task.Delay(50);
            await Send(doomedVideo.Owner.Client.DeleteAsync($"/api/v1/videos/{doomedVideo.Id}"), "delete video");
            // No route deletes a user; an operator's DELETE cascades to everything the user made. It may be chosen as
            // a deadlock victim against a like on one of the user's videos: PostgreSQL aborts it whole, so retry.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecuteAsync($"DELETE FROM users WHERE id = '{doomedUser.Id}'");
                    break;
                }
                catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 10)
                {
                }
            }
        }

        // The doomed user does not storm itself (its token dies with it); the others keep using what it made.
        await Task.WhenAll(users.Where(u => u != doomedUser).Select((user, index) => Storm(user, index))
            .Append(DeleteInTheMiddle()));

        // A deadlock victim answers 503 like any transient database failure; nothing may answer 500.
        var unexpected = statuses.Where(s => !Answered.Contains(s.Status) && s.Status != HttpStatusCode.ServiceUnavailable)
            .Select(s => $"{(int)s.Status} {s.What}").ToList();
        Assert.That(unexpected, Is.Empty);
        Assert.That(statuses.Count(s => s.Status is HttpStatusCode.OK or HttpStatusCode.Created), Is.GreaterThan(100));
        Assert.That(await MismatchesAsync(), Is.Empty);
        Assert.That(await ScalarAsync($"SELECT count(*) FROM users WHERE id = '{doomedUser.Id}'"), Is.Zero);

        // Corrupt five rows across every family, then repair: exactly those five are corrected.
        var channel = users[1];
        var liveVideo = videos.First(v => v.Owner == channel).Id;
        await ExecuteAsync($"""
            UPDATE users SET subscribers_count = subscribers_count + 5, total_likes = total_likes - 2 WHERE id = '{channel.Id}';
            UPDATE videos SET likes_count = likes_count + 7 WHERE id = '{liveVideo}';
            UPDATE comments SET likes_count = likes_count + 42 WHERE id = (SELECT id FROM comments ORDER BY id LIMIT 1);
            UPDATE tweets SET likes_count = likes_count + 1 WHERE id = '{tweets[1]}';
            UPDATE catalogue_counters SET published_videos = published_videos + 3;
            """);
        Assert.That(await MismatchesAsync(), Has.Count.EqualTo(6)); // two counters on the one user row

        Assert.That(await RepairAsync(), Is.EqualTo(5));
        Assert.That(await MismatchesAsync(), Is.Empty);
        Assert.That(await RepairAsync(), Is.Zero, "a healthy database is not written");
    }

    [Test]
    public async Task Deleting_a_video_takes_its_views_and_likes_out_of_its_owners_totals()
    {
        var owner = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var kept = await SeedVideoAsync(owner.Id, views: 5);
        var deleted = await SeedVideoAsync(owner.Id, views: 11);
        await fan.ToggleLikeAsync("v", kept.Id);
        await fan.ToggleLikeAsync("v", deleted.Id);
        await owner.ToggleLikeAsync("v", deleted.Id);
        await fan.PostCommentAsync(deleted.Id);

        var before = await (await owner.Client.GetAsync("/api/v1/dashboard/stats")).DataAsync();
        Assert.That(before["totalViews"]!.GetValue<long>(), Is.EqualTo(16));
        Assert.That(before["totalLikes"]!.GetValue<int>(), Is.EqualTo(3));
        await (await owner.Client.DeleteAsync($"/api/v1/videos/{deleted.Id}")).DataAsync();

        var after = await (await owner.Client.GetAsync("/api/v1/dashboard/stats")).DataAsync();
        Assert.Multiple(() =>
        {
            Assert.That(after["totalVideos"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(after["totalViews"]!.GetValue<long>(), Is.EqualTo(5));
            Assert.That(after["totalLikes"]!.GetValue<int>(), Is.EqualTo(1));
        });
        Assert.That(await MismatchesAsync(), Is.Empty);
    }

    [TestCase("/api/v1/videos?limit=2", 1)]
    [TestCase("/api/v1/videos?limit=2&userId={me}", 1)]
    [TestCase("/api/v1/videos?limit=2&userId={other}", 1)]
    // The comments route first checks that the caller may see the video (an EXISTS), then reads the page.
    [TestCase("/api/v1/comments/{video}?limit=2", 2)]
    [TestCase("/api/v1/dashboard/videos?limit=2", 1)]
    [TestCase("/api/v1/dashboard/stats", 1)]
    [TestCase("/api/v1/users/c/{otherName}", 1)]
    public async Task Unfiltered_reads_take_their_totals_from_counters_without_counting(string route, int statements)
    {
        var me = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await SeedVideoAsync(other.Id);
        await SeedVideoAsync(other.Id, isPublished: false);
        await SeedVideoAsync(me.Id);
        await SeedVideoAsync(me.Id, isPublished: false);
        await me.PostCommentAsync(video.Id);
        await (await me.Client.PostAsync($"/api/v1/subscriptions/c/{other.Id}", null)).DataAsync();

        Factory.SqlCommands.Reset();
        await (await me.Client.GetAsync(route.Replace("{me}", me.Id.ToString()).Replace("{other}", other.Id.ToString())
            .Replace("{video}", video.Id.ToString()).Replace("{otherName}", other.Username))).DataAsync();

        var commands = Factory.SqlCommands.Commands;
        Assert.That(commands, Has.Count.EqualTo(statements), string.Join("\n---\n", commands));
        Assert.That(commands, Has.None.Contain("count(").IgnoreCase, string.Join("\n---\n", commands));
    }

    [Test]
    public async Task Feed_totals_from_counters_count_published_videos_and_only_the_callers_own_drafts()
    {
        var me = await CreateUserAsync();
        var other = await CreateUserAsync();
        await SeedVideoAsync(other.Id);
        await SeedVideoAsync(other.Id, isPublished: false);
        await SeedVideoAsync(me.Id);
        await SeedVideoAsync(me.Id, isPublished: false);
        var published = await ScalarAsync("SELECT count(*) FROM videos WHERE is_published");

        var feed = await (await me.Client.GetAsync("/api/v1/videos?limit=1")).DataAsync();
        var mine = await (await me.Client.GetAsync($"/api/v1/videos?limit=1&userId={me.Id}")).DataAsync();
        var theirs = await (await me.Client.GetAsync($"/api/v1/videos?limit=1&userId={other.Id}")).DataAsync();
        var pastTheEnd = await (await me.Client.GetAsync($"/api/v1/videos?limit=1&page=9&userId={me.Id}")).DataAsync();
        Assert.Multiple(() =>
        {
            Assert.That(feed["totalDocs"]!.GetValue<long>(), Is.EqualTo(published + 1));
            Assert.That(mine["totalDocs"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(theirs["totalDocs"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(pastTheEnd["totalDocs"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(pastTheEnd["docs"]!.AsArray(), Is.Empty);
        });
    }

    private async Task<int> RepairAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICounterRepair>().RepairAsync(CancellationToken.None);
    }

    private async Task<List<string>> MismatchesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(MismatchesSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var mismatches = new List<string>();
        while (await reader.ReadAsync())
            mismatches.Add(reader.GetString(0));
        return mismatches;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
