using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>Keyset paging of the video list: the same rows as page numbers, in the same order, for every sort.</summary>
public sealed class ListVideosCursorTests : ApiTestBase
{
    private const string Word = "zebracursor";

    private Task<Catalogue>? _catalogue;

    private sealed record Catalogue(TestUser Owner, Guid OthersDraft, IReadOnlyList<Guid> OwnersDrafts);

    /// <summary>
    /// Ties on every sort field (equal views, durations, titles, and creation times from rows saved together), the
    /// caller's drafts among them, another user's draft that must never show, and a searchable word on some rows.
    /// </summary>
    private Task<Catalogue> CatalogueAsync() => _catalogue ??= SeedCatalogueAsync();

    private async Task<Catalogue> SeedCatalogueAsync()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        Video Row(Guid ownerId, int i, bool published = true) => new()
        {
            OwnerId = ownerId,
            Title = i % 3 == 0 ? "same title" : $"title {i % 5}",
            Description = i % 2 == 0 ? $"about {Word} number {i}" : $"nothing {i}",
            Duration = i % 4 * 30,
            Views = i % 3,
            IsPublished = published,
            VideoFileKey = $"videos/seed/{Guid.NewGuid():N}.mp4",
            ThumbnailKey = $"thumbnails/seed/{Guid.NewGuid():N}.png",
        };
        var batches = new[]
        {
            Enumerable.Range(0, 6).Select(i => Row(owner.Id, i)).Append(Row(owner.Id, 6, published: false)).ToList(),
            Enumerable.Range(7, 5).Select(i => Row(owner.Id, i)).Append(Row(owner.Id, 12, published: false))
                .Concat(Enumerable.Range(13, 3).Select(i => Row(other.Id, i))).Append(Row(other.Id, 16, published: false)).ToList(),
        };
        foreach (var batch in batches)
            await WithDbAsync(async db =>
            {
                db.Videos.AddRange(batch); // one SaveChanges: equal created_at within a batch
                return await db.SaveChangesAsync();
            });
        var all = batches.SelectMany(b => b).ToList();
        return new Catalogue(owner, all.Single(v => v.OwnerId == other.Id && !v.IsPublished).Id,
            all.Where(v => v.OwnerId == owner.Id && !v.IsPublished).Select(v => v.Id).ToList());
    }

    private static async Task<JsonNode> ListAsync(TestUser user, string query)
    {
        var response = await user.Client.GetAsync($"/api/v1/videos?{query}");
        return await response.DataAsync();
    }

    private static IEnumerable<TestCaseData> Orders() =>
        from sortBy in new[] { "createdAt", "views", "duration", "title" }
        from sortType in new[] { "asc", "desc" }
        from filter in new[] { "owner", "query", "owner+query" }
        select new TestCaseData(sortBy, sortType, filter);

    [TestCaseSource(nameof(Orders))]
    public async Task A_cursor_walk_returns_the_page_walk(string sortBy, string sortType, string filter)
    {
        var catalogue = await CatalogueAsync();
        var owner = catalogue.Owner;
        var filters = new List<string>();
        if (filter.Contains("owner")) filters.Add($"userId={owner.Id}");
        if (filter.Contains("query")) filters.Add($"query={Word}");
        var baseQuery = $"{string.Join('&', filters)}&sortBy={sortBy}&sortType={sortType}&limit=3";

        var byPage = new List<Guid>();
        var first = await ListAsync(owner, $"{baseQuery}&page=1");
        var total = first["totalDocs"]!.GetValue<long>();
        for (var page = 1; page <= first["totalPages"]!.GetValue<int>(); page++)
            byPage.AddRange(SocialRequests.IdsOf((await ListAsync(owner, $"{baseQuery}&page={page}"))["docs"]!));

        var byCursor = new List<Guid>();
        var data = first;
        while (true)
        {
            byCursor.AddRange(SocialRequests.IdsOf(data["docs"]!));
            var cursor = data["nextCursor"]?.GetValue<string>();
            Assert.That(data["hasNextPage"]!.GetValue<bool>(), Is.EqualTo(cursor is not null));
            if (cursor is null)
                break;
            Assert.That(byCursor, Has.Count.LessThan(100), "the walk must end");
            data = await ListAsync(owner, $"{baseQuery}&cursor={Uri.EscapeDataString(cursor)}");
            Assert.That(data["totalDocs"]!.GetValue<long>(), Is.EqualTo(total), "a cursor page counts the whole list");
        }

        Assert.Multiple(() =>
        {
            Assert.That(byCursor, Is.EqualTo(byPage));
            Assert.That(byCursor, Is.Unique);
            Assert.That(byCursor, Has.Count.EqualTo(total));
            Assert.That(byCursor, Does.Not.Contain(catalogue.OthersDraft));
            if (filter == "owner")
                Assert.That(byCursor, Is.SupersetOf(catalogue.OwnersDrafts), "the caller's own drafts are listed");
        });
    }

    [Test]
    public async Task A_page_by_number_hands_out_the_cursor_of_the_next_page()
    {
        var owner = (await CatalogueAsync()).Owner;
        var query = $"userId={owner.Id}&sortBy=views&limit=4";
        var first = await ListAsync(owner, $"{query}&page=1");
        var second = await ListAsync(owner, $"{query}&page=2");
        var viaCursor = await ListAsync(owner, $"{query}&cursor={first["nextCursor"]!.GetValue<string>()}");

        Assert.That(SocialRequests.IdsOf(viaCursor["docs"]!), Is.EqualTo(SocialRequests.IdsOf(second["docs"]!)));
        Assert.That(second["nextCursor"]!.GetValue<string>(), Is.EqualTo(viaCursor["nextCursor"]!.GetValue<string>()));
    }

    [Test]
    public async Task A_cursor_page_is_read_with_one_sql_statement_and_no_offset()
    {
        var owner = (await CatalogueAsync()).Owner;
        var first = await ListAsync(owner, $"query={Word}&limit=2");

        Factory.SqlCommands.Reset();
        await ListAsync(owner, $"query={Word}&limit=2&cursor={first["nextCursor"]!.GetValue<string>()}");

        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
        Assert.That(Factory.SqlCommands.Commands[0], Does.Not.Contain("OFFSET"));
    }

    private static string Encode(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [TestCase("not a cursor")]
    [TestCase("%00%01")]
    [TestCase("e30")] // {}
    [TestCase("WyJhIl0")] // ["a"]
    public async Task A_malformed_cursor_is_400(string cursor)
    {
        var owner = (await CatalogueAsync()).Owner;
        var response = await owner.Client.GetAsync($"/api/v1/videos?cursor={cursor}");
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("Invalid cursor"));
    }

    [TestCase("createdat.desc", "yesterday")]
    [TestCase("createdat.desc", "-5")]
    [TestCase("views.desc", "1e400")]
    [TestCase("duration.desc", "NaN")]
    public async Task A_cursor_with_a_bad_value_is_400(string sort, string value)
    {
        var owner = (await CatalogueAsync()).Owner;
        var sortBy = sort.StartsWith("createdat") ? "createdAt" : sort.Split('.')[0];
        var cursor = Encode($"[\"{sort}\",\"{value}\",\"{Guid.NewGuid()}\"]");
        var response = await owner.Client.GetAsync($"/api/v1/videos?sortBy={sortBy}&cursor={cursor}");
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("Invalid cursor"));
    }

    [TestCase("sortBy=views", "sortBy=title")]
    [TestCase("sortBy=views&sortType=desc", "sortBy=views&sortType=asc")]
    public async Task A_cursor_made_for_another_sort_is_400(string madeFor, string usedWith)
    {
        var owner = (await CatalogueAsync()).Owner;
        var cursor = (await ListAsync(owner, $"userId={owner.Id}&limit=2&{madeFor}"))["nextCursor"]!.GetValue<string>();
        var response = await owner.Client.GetAsync($"/api/v1/videos?userId={owner.Id}&limit=2&{usedWith}&cursor={cursor}");
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("Invalid cursor"));
    }

    [Test]
    public async Task The_last_page_has_no_cursor()
    {
        var owner = (await CatalogueAsync()).Owner;
        var data = await ListAsync(owner, $"userId={owner.Id}&limit=100");
        Assert.That((data["nextCursor"], data["hasNextPage"]!.GetValue<bool>(), data["totalDocsCapped"]!.GetValue<bool>()),
            Is.EqualTo(((JsonNode?)null, false, false)));
    }
}
