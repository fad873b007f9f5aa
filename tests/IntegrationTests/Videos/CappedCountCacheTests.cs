using System.Text.Json.Nodes;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>
/// A search counted past Pagination:CountCap (3 here) is remembered for Pagination:CappedCountTtl: its next pages are
/// read without a count, in the same shape. Totals within the cap are counted on every page.
/// </summary>
public sealed class CappedCountCacheTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Pagination:CountCap"] = "3" };

    internal static async Task<JsonNode> SearchAsync(VideoTubeApiFactory factory, TestUser user, string query)
    {
        factory.SqlCommands.Reset();
        var data = await (await user.Client.GetAsync($"/api/v1/videos?{query}")).DataAsync();
        Assert.That(factory.SqlCommands.Commands, Has.Count.EqualTo(1),
            string.Join("\n---\n", factory.SqlCommands.Commands));
        return data;
    }

    internal static bool Counted(VideoTubeApiFactory factory) =>
        factory.SqlCommands.Commands.Single().Contains("count(", StringComparison.OrdinalIgnoreCase);

    private Task<JsonNode> SearchAsync(TestUser user, string query) => SearchAsync(Factory, user, query);

    private static (long, bool, int) Total(JsonNode page) =>
        (page["totalDocs"]!.GetValue<long>(), page["totalDocsCapped"]!.GetValue<bool>(), page["totalPages"]!.GetValue<int>());

    [Test]
    public async Task A_search_counted_past_the_cap_is_not_counted_again()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 5; i++)
            await SeedVideoAsync(owner.Id, title: $"remembered {i}", description: "narwhalword");

        var first = await SearchAsync(owner, "query=narwhalword%20remembered&limit=2");
        Assert.That(Counted(Factory), Is.True, "the first page counts");

        // Another page, order and spacing of the same search: same total, no count.
        var again = await SearchAsync(owner, "query=%20narwhalword%20%20%20remembered%20&limit=2&page=2&sortBy=views&sortType=asc");
        Assert.That(Counted(Factory), Is.False, Factory.SqlCommands.Commands.Single());
        Assert.Multiple(() =>
        {
            Assert.That(Total(first), Is.EqualTo((3L, true, 2)));
            Assert.That(Total(again), Is.EqualTo((3L, true, 2)));
            Assert.That(again["docs"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That((again["page"]!.GetValue<int>(), again["hasNextPage"]!.GetValue<bool>()), Is.EqualTo((2, true)));
        });

        // Paged by cursor to the real end: the list itself is always read live.
        var cursor = first["nextCursor"]!.GetValue<string>();
        var titles = first["docs"]!.AsArray().Select(d => d!["title"]!.GetValue<string>()).ToList();
        while (cursor is not null)
        {
            var next = await SearchAsync(owner, $"query=narwhalword%20remembered&limit=2&cursor={Uri.EscapeDataString(cursor)}");
            Assert.That((Counted(Factory), Total(next).Item2), Is.EqualTo((false, true)));
            titles.AddRange(next["docs"]!.AsArray().Select(d => d!["title"]!.GetValue<string>()));
            cursor = next["nextCursor"]?.GetValue<string>();
        }
        Assert.That(titles, Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"remembered {i}")));
    }

    [Test]
    public async Task A_page_past_the_end_of_a_remembered_search_still_says_capped()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 4; i++)
            await SeedVideoAsync(owner.Id, description: "quokkaword");
        await SearchAsync(owner, "query=quokkaword&limit=2");

        var beyond = await SearchAsync(owner, "query=quokkaword&limit=2&page=9");

        Assert.Multiple(() =>
        {
            Assert.That(Counted(Factory), Is.False);
            Assert.That(Total(beyond), Is.EqualTo((3L, true, 2)));
            Assert.That(beyond["docs"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task A_total_within_the_cap_is_counted_on_every_page_and_grows_at_once()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 2; i++)
            await SeedVideoAsync(owner.Id, description: "axolotlword");
        var draft = await SeedVideoAsync(owner.Id, description: "axolotlword", isPublished: false);
        var viewer = await CreateUserAsync();

        var before = await SearchAsync(viewer, "query=axolotlword");
        Assert.That((Counted(Factory), Total(before)), Is.EqualTo((true, (2L, false, 1))));

        (await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{draft.Id}", null)).EnsureSuccessStatusCode();
        var after = await SearchAsync(viewer, "query=axolotlword");
        Assert.That((Counted(Factory), Total(after), after["docs"]!.AsArray().Count),
            Is.EqualTo((true, (3L, false, 1), 3)));

        // One more crosses the cap, at once too; from then on the search is remembered.
        await SeedVideoAsync(owner.Id, description: "axolotlword");
        Assert.That(Total(await SearchAsync(viewer, "query=axolotlword")), Is.EqualTo((3L, true, 1)));
        await SearchAsync(viewer, "query=axolotlword");
        Assert.That(Counted(Factory), Is.False);
    }

    [Test]
    public async Task What_one_caller_learned_is_not_used_for_another_whose_drafts_differ()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 4; i++)
            await SeedVideoAsync(owner.Id, description: "pangolinword", isPublished: i == 0);
        var stranger = await CreateUserAsync();

        var mine = await SearchAsync(owner, "query=pangolinword");
        var theirs = await SearchAsync(stranger, "query=pangolinword");
        var theirsAgain = await SearchAsync(stranger, "query=pangolinword");

        Assert.Multiple(() =>
        {
            Assert.That(Total(mine), Is.EqualTo((3L, true, 1)));
            Assert.That(Total(theirs), Is.EqualTo((1L, false, 1)));
            Assert.That(Total(theirsAgain), Is.EqualTo((1L, false, 1)));
            Assert.That(Counted(Factory), Is.True, "a total within the cap is never remembered");
        });

        // The owner filter is part of the search: another channel's matches are counted on their own.
        var otherChannel = await SearchAsync(owner, $"query=pangolinword&userId={stranger.Id}");
        Assert.That((otherChannel["totalDocs"]!.GetValue<long>(), otherChannel["totalDocsCapped"]!.GetValue<bool>()),
            Is.EqualTo((0L, false)));
    }

    [Test]
    public async Task Concurrent_first_searches_all_answer_capped_and_the_next_one_is_not_counted()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 5; i++)
            await SeedVideoAsync(owner.Id, description: "wombatword");

        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            await (await owner.Client.GetAsync("/api/v1/videos?query=wombatword&limit=2")).DataAsync()));

        Assert.That(pages.Select(Total), Is.All.EqualTo((3L, true, 2)));
        await SearchAsync(owner, "query=wombatword&limit=2");
        Assert.That(Counted(Factory), Is.False);
    }
}

/// <summary>Pagination:CappedCountTtl = 0 turns the memory off: every searched page counts.</summary>
public sealed class CappedCountCacheOffTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Pagination:CountCap"] = "3",
        ["Pagination:CappedCountTtl"] = "00:00:00",
    };

    [Test]
    public async Task Every_page_of_a_capped_search_counts()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 5; i++)
            await SeedVideoAsync(owner.Id, description: "lemurword");

        for (var i = 0; i < 3; i++)
        {
            var page = await CappedCountCacheTests.SearchAsync(Factory, owner, "query=lemurword&limit=2");
            Assert.That((CappedCountCacheTests.Counted(Factory), page["totalDocsCapped"]!.GetValue<bool>()),
                Is.EqualTo((true, true)));
        }
    }
}
