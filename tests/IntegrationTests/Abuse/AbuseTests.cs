using System.Net;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>
/// Hostile callers: no request may produce a 500, and a rejected request must leave the database exactly as it was.
/// </summary>
public sealed class AbuseTests : ApiTestBase
{
    private readonly Dictionary<string, string> _placeholders = [];
    private TestUser _owner = null!;
    private TestUser _attacker = null!;

    [OneTimeSetUp]
    public async Task CreateResourcesAsync()
    {
        _owner = await CreateUserAsync();
        _attacker = await CreateUserAsync();
        var video = await SeedVideoAsync(_owner.Id);
        var hidden = await SeedVideoAsync(_owner.Id, isPublished: false);
        var myVideo = await SeedVideoAsync(_attacker.Id);
        var ids = await WithDbAsync(async db =>
        {
            var tweet = new Tweet { OwnerId = _owner.Id, Content = "owner's tweet" };
            var myTweet = new Tweet { OwnerId = _attacker.Id, Content = "attacker's tweet" };
            var comment = new Comment { OwnerId = _owner.Id, VideoId = video.Id, Content = "owner's comment" };
            var myComment = new Comment { OwnerId = _attacker.Id, VideoId = video.Id, Content = "attacker's comment" };
            var playlist = new Playlist { OwnerId = _owner.Id, Name = "owner's list", Videos = [new PlaylistVideo { VideoId = video.Id }] };
            var myPlaylist = new Playlist { OwnerId = _attacker.Id, Name = "attacker's list" };
            db.AddRange(tweet, myTweet, comment, myComment, playlist, myPlaylist);
            await db.SaveChangesAsync();
            return new { tweet = tweet.Id, myTweet = myTweet.Id, comment = comment.Id, myComment = myComment.Id, playlist = playlist.Id, myPlaylist = myPlaylist.Id };
        });
        _placeholders["{video}"] = video.Id.ToString();
        _placeholders["{hiddenVideo}"] = hidden.Id.ToString();
        _placeholders["{myVideo}"] = myVideo.Id.ToString();
        _placeholders["{tweet}"] = ids.tweet.ToString();
        _placeholders["{myTweet}"] = ids.myTweet.ToString();
        _placeholders["{comment}"] = ids.comment.ToString();
        _placeholders["{myComment}"] = ids.myComment.ToString();
        _placeholders["{playlist}"] = ids.playlist.ToString();
        _placeholders["{myPlaylist}"] = ids.myPlaylist.ToString();
    }

    [Test]
    public void Corpus_has_at_least_200_cases() => Assert.That(BadInputCorpus.Cases().Count(), Is.GreaterThanOrEqualTo(200));

    [TestCaseSource(typeof(BadInputCorpus), nameof(BadInputCorpus.Cases))]
    public async Task Bad_input_is_never_a_500_and_a_rejection_changes_nothing(AbuseCase abuse)
    {
        var before = await SnapshotAsync();
        var response = await SendAsync(_attacker, abuse);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.LessThan(500), body);
        if ((int)response.StatusCode >= 400)
        {
            await AssertErrorAsync(response, response.StatusCode);
            Assert.That(await SnapshotAsync(), Is.EqualTo(before), "a rejected request changed the database");
        }
    }

    private static IEnumerable<AbuseCase> OtherUsersResources()
    {
        var json = (string name, HttpMethod method, string path, string body) => AbuseCase.Json(name, method, path, body);
        yield return json("edit video", HttpMethod.Patch, "/api/v1/videos/{video}", """{"title":"hacked","description":"hacked"}""");
        yield return new AbuseCase("delete video", HttpMethod.Delete, "/api/v1/videos/{video}");
        yield return new AbuseCase("toggle publish", HttpMethod.Patch, "/api/v1/videos/toggle/publish/{video}");
        yield return json("edit hidden video", HttpMethod.Patch, "/api/v1/videos/{hiddenVideo}", """{"title":"hacked","description":"hacked"}""");
        yield return new AbuseCase("publish hidden video", HttpMethod.Patch, "/api/v1/videos/toggle/publish/{hiddenVideo}");
        yield return json("edit tweet", HttpMethod.Patch, "/api/v1/tweets/{tweet}", """{"content":"hacked"}""");
        yield return new AbuseCase("delete tweet", HttpMethod.Delete, "/api/v1/tweets/{tweet}");
        yield return json("edit comment", HttpMethod.Patch, "/api/v1/comments/c/{comment}", """{"content":"hacked"}""");
        yield return new AbuseCase("delete comment", HttpMethod.Delete, "/api/v1/comments/c/{comment}");
        yield return json("edit playlist", HttpMethod.Patch, "/api/v1/playlist/{playlist}", """{"name":"hacked","description":"hacked"}""");
        yield return new AbuseCase("delete playlist", HttpMethod.Delete, "/api/v1/playlist/{playlist}");
        yield return new AbuseCase("add to playlist", HttpMethod.Patch, "/api/v1/playlist/add/{myVideo}/{playlist}");
        yield return new AbuseCase("remove from playlist", HttpMethod.Patch, "/api/v1/playlist/remove/{video}/{playlist}");
        yield return new AbuseCase("read hidden video", HttpMethod.Get, "/api/v1/videos/{hiddenVideo}");
        yield return json("comment on hidden video", HttpMethod.Post, "/api/v1/comments/{hiddenVideo}", """{"content":"hi"}""");
        yield return new AbuseCase("like hidden video", HttpMethod.Post, "/api/v1/likes/toggle/v/{hiddenVideo}");
    }

    [TestCaseSource(nameof(OtherUsersResources))]
    public async Task Another_users_resource_cannot_be_changed(AbuseCase abuse)
    {
        var before = await SnapshotAsync();
        var response = await SendAsync(_attacker, abuse);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden).Or.EqualTo(HttpStatusCode.NotFound),
            await response.Content.ReadAsStringAsync());
        await AssertErrorAsync(response, response.StatusCode);
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCaseSource(nameof(OtherUsersResources))]
    public async Task Without_a_token_nothing_changes(AbuseCase abuse)
    {
        var before = await SnapshotAsync();
        using var anonymous = CreateClient(handleCookies: false);
        var response = await anonymous.SendAsync(Request(abuse));
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    private async Task<HttpResponseMessage> SendAsync(TestUser user, AbuseCase abuse) => await user.Client.SendAsync(Request(abuse));

    private HttpRequestMessage Request(AbuseCase abuse)
    {
        var path = _placeholders.Aggregate(abuse.Path, (current, pair) => current.Replace(pair.Key, pair.Value));
        return new HttpRequestMessage(abuse.Method, path) { Content = abuse.Body?.Invoke() };
    }

    /// <summary>A digest of every row of every table, computed by PostgreSQL in one statement.</summary>
    private Task<string> SnapshotAsync() => WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT string_agg(table_name || ':' || (xpath('/row/c/text()', query_to_xml(
                     format('SELECT md5(coalesce(string_agg(t::text, ''|'' ORDER BY t::text), '''')) AS c FROM %I t', table_name),
                     false, true, '')))[1]::text, ',' ORDER BY table_name)
            FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
            """;
        return (string)(await command.ExecuteScalarAsync())!;
    });
}
