using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data.Queries;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>
/// What a search remembers of its total (<see cref="SearchTotals"/>): past Pagination:CountCap (3 here) for
/// Pagination:CappedCountTtl, its next pages read without a count, in the same shape; within the cap, the published
/// matches at the catalogue's search version, counted again as soon as that version moves; the caller's own drafts on
/// every page.
/// </summary>
public sealed class SearchTotalsTests : ApiTestBase
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

    private SearchTotals.Remembered Known(string search, Guid? ownerId = null) =>
        Factory.Services.GetRequiredService<SearchTotals>().Known(SearchTotals.KeyOf(search, ownerId));

    private Task<long> SearchVersionAsync() =>
        WithDbAsync(db => db.CatalogueCounters.Select(c => c.SearchVersion).SingleAsync());

    private static long TotalDocs(JsonNode page) => page["totalDocs"]!.GetValue<long>();

    [Test]
    public async Task A_total_within_the_cap_is_remembered_at_its_version_and_grows_at_once()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 2; i++)
            await SeedVideoAsync(owner.Id, description: "axolotlword");
        var draft = await SeedVideoAsync(owner.Id, description: "axolotlword", isPublished: false);
        var viewer = await CreateUserAsync();

        var before = await SearchAsync(viewer, "query=axolotlword");
        var version = await SearchVersionAsync();
        Assert.That((Total(before), Known("axolotlword")),
            Is.EqualTo(((2L, false, 1), new SearchTotals.Remembered(2, version, DateTime.MinValue))));

        (await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{draft.Id}", null)).EnsureSuccessStatusCode();
        Assert.That(await SearchVersionAsync(), Is.GreaterThan(version));
        var after = await SearchAsync(viewer, "query=axolotlword");
        Assert.That((Total(after), after["docs"]!.AsArray().Count, Known("axolotlword").PublishedMatches),
            Is.EqualTo(((3L, false, 1), 3, 3L)));

        // One more crosses the cap, at once too; from then on the search is remembered as capped and not counted.
        await SeedVideoAsync(owner.Id, description: "axolotlword");
        Assert.That(Total(await SearchAsync(viewer, "query=axolotlword")), Is.EqualTo((3L, true, 1)));
        await SearchAsync(viewer, "query=axolotlword");
        Assert.That(Counted(Factory), Is.False);
    }

    [Test]
    public async Task Every_change_to_what_a_search_matches_shows_in_its_next_total()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var first = await SeedVideoAsync(owner.Id, title: "okapiword one");
        var second = await SeedVideoAsync(owner.Id, title: "okapiword two");
        Assert.That(TotalDocs(await SearchAsync(viewer, "query=okapiword")), Is.EqualTo(2));

        // A published video added.
        var third = await SeedVideoAsync(owner.Id, title: "okapiword three");
        Assert.That(TotalDocs(await SearchAsync(viewer, "query=okapiword")), Is.EqualTo(3));
        // A title edited so that it no longer matches, then back.
        (await owner.Client.PatchAsJsonAsync($"/api/v1/videos/{first.Id}", new { title = "renamed" })).EnsureSuccessStatusCode();
        Assert.That(TotalDocs(await SearchAsync(viewer, "query=okapiword")), Is.EqualTo(2));
        (await owner.Client.PatchAsJsonAsync($"/api/v1/videos/{first.Id}", new { description = "okapiword again" })).EnsureSuccessStatusCode();
        Assert.That(TotalDocs(await SearchAsync(viewer, "query=okapiword")), Is.EqualTo(3));
        // Unpublished: gone for the viewer, still there for its owner (a draft of theirs).
        (await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{second.Id}", null)).EnsureSuccessStatusCode();
        Assert.That(TotalDocs(await SearchAsync(viewer, "query=okapiword")), Is.EqualTo(2));
        Assert.That(TotalDocs(await SearchAsync(owner, "query=okapiword")), Is.EqualTo(3));
        // Deleted.
        (await owner.Client.DeleteAsync($"/api/v1/videos/{third.Id}")).EnsureSuccessStatusCode();
        Assert.That(TotalDocs(await SearchAsync(viewer, "query=okapiword")), Is.EqualTo(1));
        Assert.That(TotalDocs(await SearchAsync(owner, "query=okapiword")), Is.EqualTo(2));
    }

    [Test]
    public async Task Drafts_are_counted_for_their_owner_without_moving_the_version()
    {
        var owner = await CreateUserAsync();
        await SeedVideoAsync(owner.Id, description: "tapirword");
        Assert.That(TotalDocs(await SearchAsync(owner, "query=tapirword")), Is.EqualTo(1));
        var version = await SearchVersionAsync();

        var draft = await SeedVideoAsync(owner.Id, description: "tapirword", isPublished: false);
        (await owner.Client.PatchAsJsonAsync($"/api/v1/videos/{draft.Id}", new { title = "tapirword draft" })).EnsureSuccessStatusCode();

        Assert.That(await SearchVersionAsync(), Is.EqualTo(version), "drafts are not part of any remembered total");
        Assert.That(TotalDocs(await SearchAsync(owner, "query=tapirword")), Is.EqualTo(2));
        Assert.That(TotalDocs(await SearchAsync(await CreateUserAsync(), "query=tapirword")), Is.EqualTo(1));
    }

    [Test]
    public async Task What_one_caller_learned_serves_another_with_their_own_drafts_added()
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
            Assert.That(Known("pangolinword").PublishedMatches, Is.EqualTo(1));
        });

        // The owner filter is part of the search: another channel's matches are counted on their own.
        var otherChannel = await SearchAsync(owner, $"query=pangolinword&userId={stranger.Id}");
        Assert.That((otherChannel["totalDocs"]!.GetValue<long>(), otherChannel["totalDocsCapped"]!.GetValue<bool>()),
            Is.EqualTo((0L, false)));
    }

    [Test]
    public async Task Searches_racing_deletes_of_their_matches_end_on_the_live_total()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var videos = new List<Video>();
        for (var i = 0; i < 3; i++)
            videos.Add(await SeedVideoAsync(owner.Id, description: "quollword"));

        var searches = Enumerable.Range(0, 12).Select(async _ =>
            (await viewer.Client.GetAsync("/api/v1/videos?query=quollword")).StatusCode);
        var deletes = videos.Take(2).Select(async v => (await owner.Client.DeleteAsync($"/api/v1/videos/{v.Id}")).StatusCode);
        var statuses = await Task.WhenAll(searches.Concat(deletes));

        Assert.That(statuses, Is.All.EqualTo(System.Net.HttpStatusCode.OK));
        var final = await SearchAsync(viewer, "query=quollword");
        Assert.That((Total(final), final["docs"]!.AsArray().Count), Is.EqualTo(((1L, false, 1), 1)));
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

/// <summary>Pagination:CappedCountTtl = 0 turns the memory of capped totals off: every searched page counts.</summary>
public sealed class CappedSearchTotalsOffTests : ApiTestBase
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
            var page = await SearchTotalsTests.SearchAsync(Factory, owner, "query=lemurword&limit=2");
            Assert.That((SearchTotalsTests.Counted(Factory), page["totalDocsCapped"]!.GetValue<bool>()),
                Is.EqualTo((true, true)));
        }
    }
}
