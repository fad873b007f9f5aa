using System.Net;
using System.Text.Json.Nodes;

namespace VideoTube.IntegrationTests.Videos;

public sealed class ListVideosTests : ApiTestBase
{
    private static async Task<JsonNode> ListAsync(TestUser user, string queryString)
    {
        var response = await user.Client.GetAsync($"/api/v1/videos?{queryString}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Videos fetched successfully"));
        return json["data"]!;
    }

    private static List<string> Titles(JsonNode data) =>
        data["docs"]!.AsArray().Select(d => d!["title"]!.GetValue<string>()).ToList();

    [Test]
    public async Task Pages_have_the_paginate_shape_and_newest_first_by_default()
    {
        var owner = await CreateUserAsync();
        for (var i = 1; i <= 5; i++)
            await SeedVideoAsync(owner.Id, title: $"page video {i}");

        var data = await ListAsync(owner, $"userId={owner.Id}&page=2&limit=2");

        Assert.Multiple(() =>
        {
            Assert.That(Titles(data), Is.EqualTo(new[] { "page video 3", "page video 2" }));
            Assert.That(data["totalDocs"]!.GetValue<long>(), Is.EqualTo(5));
            Assert.That(data["limit"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["page"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["totalPages"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(data["pagingCounter"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(data["hasPrevPage"]!.GetValue<bool>(), Is.True);
            Assert.That(data["hasNextPage"]!.GetValue<bool>(), Is.True);
            Assert.That(data["prevPage"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["nextPage"]!.GetValue<int>(), Is.EqualTo(3));
        });
        var last = await ListAsync(owner, $"userId={owner.Id}&page=3&limit=2");
        Assert.That(Titles(last), Is.EqualTo(new[] { "page video 1" }));
        Assert.That(last["nextPage"], Is.Null);
    }

    [Test]
    public async Task Each_item_carries_its_owner_summary()
    {
        var owner = await CreateUserAsync();
        await SeedVideoAsync(owner.Id);
        var doc = (await ListAsync(owner, $"userId={owner.Id}"))["docs"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(doc["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(owner.Id.ToString()));
            Assert.That(doc["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(owner.Username));
            Assert.That(doc["owner"]!["fullName"]!.GetValue<string>(), Is.EqualTo("Test User"));
            Assert.That(doc["owner"]!["avatar"]!.GetValue<string>(), Does.Contain("/media/avatars/"));
            Assert.That(doc["owner"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "_id", "username", "fullName", "avatar" }));
        });
    }

    [TestCase("views", "asc", new[] { "b", "c", "a" })]
    [TestCase("views", "desc", new[] { "a", "c", "b" })]
    [TestCase("duration", "asc", new[] { "c", "a", "b" })]
    [TestCase("title", "asc", new[] { "a", "b", "c" })]
    [TestCase("title", "DESC", new[] { "c", "b", "a" })]
    [TestCase("createdAt", "asc", new[] { "b", "a", "c" })]
    public async Task Sorts_by_the_requested_field(string sortBy, string sortType, string[] expected)
    {
        var owner = await CreateUserAsync();
        await SeedVideoAsync(owner.Id, title: "b", views: 1, duration: 300);
        await SeedVideoAsync(owner.Id, title: "a", views: 50, duration: 100);
        await SeedVideoAsync(owner.Id, title: "c", views: 10, duration: 5);

        var data = await ListAsync(owner, $"userId={owner.Id}&sortBy={sortBy}&sortType={sortType}");

        Assert.That(Titles(data), Is.EqualTo(expected));
    }

    [Test]
    public async Task Query_searches_title_and_description_with_web_search_syntax()
    {
        var owner = await CreateUserAsync();
        await SeedVideoAsync(owner.Id, title: "Indexing in PostgreSQL", description: "GIN and btree explained");
        await SeedVideoAsync(owner.Id, title: "Baking bread", description: "sourdough for beginners");
        await SeedVideoAsync(owner.Id, title: "Database tuning", description: "postgresql configuration tips");

        Assert.That(Titles(await ListAsync(owner, $"userId={owner.Id}&query=postgresql&sortBy=title&sortType=asc")),
            Is.EqualTo(new[] { "Database tuning", "Indexing in PostgreSQL" }));
        // websearch_to_tsquery syntax: a leading minus excludes a term.
        Assert.That(Titles(await ListAsync(owner, $"userId={owner.Id}&query=" + Uri.EscapeDataString("postgresql -tuning"))),
            Is.EqualTo(new[] { "Indexing in PostgreSQL" }));
        Assert.That(Titles(await ListAsync(owner, $"userId={owner.Id}&query=sourdough")), Is.EqualTo(new[] { "Baking bread" }));
        var none = await ListAsync(owner, $"userId={owner.Id}&query=kubernetes");
        Assert.That((none["docs"]!.AsArray().Count, none["totalDocs"]!.GetValue<long>()), Is.EqualTo((0, 0L)));
    }

    [Test]
    public async Task Unpublished_videos_are_listed_only_for_their_owner()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        await SeedVideoAsync(owner.Id, title: "public");
        await SeedVideoAsync(owner.Id, title: "draft", isPublished: false);

        Assert.That(Titles(await ListAsync(owner, $"userId={owner.Id}")), Is.EquivalentTo(new[] { "public", "draft" }));
        Assert.That(Titles(await ListAsync(other, $"userId={owner.Id}")), Is.EqualTo(new[] { "public" }));
        Assert.That(Titles(await ListAsync(other, "limit=100")), Does.Not.Contain("draft"));
    }

    [TestCase("createdAt", "desc", new[] { "p5", "d4" }, new[] { "p3", "d2" }, new[] { "p1" })]
    [TestCase("createdAt", "asc", new[] { "p1", "d2" }, new[] { "p3", "d4" }, new[] { "p5" })]
    [TestCase("views", "desc", new[] { "p1", "d2" }, new[] { "p3", "d4" }, new[] { "p5" })]
    public async Task Pages_interleave_the_callers_drafts_with_published_videos(
        string sortBy, string sortType, string[] first, string[] second, string[] third)
    {
        // The feed reads published videos and the caller's drafts as two branches, each cut at the page's end.
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        for (var i = 1; i <= 5; i++)
            await SeedVideoAsync(owner.Id, title: i % 2 == 0 ? $"d{i}" : $"p{i}", isPublished: i % 2 == 1, views: 10 - i);

        var query = $"userId={owner.Id}&limit=2&sortBy={sortBy}&sortType={sortType}";
        var pages = new List<JsonNode>();
        for (var page = 1; page <= 3; page++)
            pages.Add(await ListAsync(owner, $"{query}&page={page}"));

        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(Titles), Is.EqualTo(new[] { first, second, third }));
            Assert.That(pages.Select(p => p["totalDocs"]!.GetValue<long>()), Is.All.EqualTo(5));
        });
        var published = first.Concat(second).Concat(third).Where(title => title.StartsWith('p')).ToList();
        var others = await ListAsync(other, $"{query}&page=2");
        Assert.That((Titles(others), others["totalDocs"]!.GetValue<long>()), Is.EqualTo((published.Skip(2).ToList(), 3L)));
    }

    [Test]
    public async Task Limit_is_capped()
    {
        var user = await CreateUserAsync();
        Assert.That((await ListAsync(user, "limit=100000"))["limit"]!.GetValue<int>(), Is.EqualTo(100));
    }

    [TestCase("sortBy=password", "Invalid sortBy")]
    [TestCase("sortType=sideways", "Invalid sortType")]
    [TestCase("userId=not-a-guid", "Invalid user id")]
    public async Task Invalid_parameters_are_400(string queryString, string message)
    {
        var user = await CreateUserAsync();
        var response = await user.Client.GetAsync($"/api/v1/videos?{queryString}");
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo(message));
    }

    [Test]
    public async Task Without_a_token_is_401()
    {
        using var client = CreateClient();
        await AssertErrorAsync(await client.GetAsync("/api/v1/videos"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_page_is_read_with_one_sql_statement()
    {
        var owner = await CreateUserAsync();
        await SeedVideoAsync(owner.Id, title: "counted one");
        await SeedVideoAsync(owner.Id, title: "counted two");

        Factory.SqlCommands.Reset();
        var data = await ListAsync(owner, $"userId={owner.Id}&query=counted&sortBy=views&limit=1");

        Assert.That(data["totalDocs"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
    }
}
