using System.Text.Json.Nodes;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>
/// Searched totals are counted up to Pagination:CountCap (3 here) and flagged beyond it; unsearched ones are read from
/// the stored counters, exact at any size.
/// </summary>
public sealed class CountCapTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Pagination:CountCap"] = "3" };

    private static async Task<JsonNode> ListAsync(TestUser user, string query) =>
        await (await user.Client.GetAsync($"/api/v1/videos?{query}")).DataAsync();

    [Test]
    public async Task Beyond_the_cap_the_total_is_the_cap_and_flagged()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 5; i++)
            await SeedVideoAsync(owner.Id, title: $"capped {i}", description: "walrusword");

        Factory.SqlCommands.Reset();
        var first = await ListAsync(owner, "query=walrusword&limit=2");
        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
        Assert.Multiple(() =>
        {
            Assert.That(first["totalDocs"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(first["totalDocsCapped"]!.GetValue<bool>(), Is.True);
            Assert.That(first["totalPages"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(first["docs"]!.AsArray(), Has.Count.EqualTo(2));
        });

        // Past the capped total's last page the list goes on, and says so, until its real end.
        var second = await ListAsync(owner, "query=walrusword&limit=2&page=2");
        var third = await ListAsync(owner, "query=walrusword&limit=2&page=3");
        Assert.Multiple(() =>
        {
            Assert.That((second["hasNextPage"]!.GetValue<bool>(), second["nextPage"]!.GetValue<int>()), Is.EqualTo((true, 3)));
            Assert.That(third["docs"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That((third["hasNextPage"]!.GetValue<bool>(), third["nextCursor"]), Is.EqualTo((false, (JsonNode?)null)));
            Assert.That(third["totalDocsCapped"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task Up_to_the_cap_every_field_keeps_its_meaning()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 3; i++)
            await SeedVideoAsync(owner.Id, title: $"exact {i}", description: "otterword");

        var data = await ListAsync(owner, "query=otterword&limit=2&page=2");

        Assert.Multiple(() =>
        {
            Assert.That(data["totalDocs"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(data["totalDocsCapped"]!.GetValue<bool>(), Is.False);
            Assert.That(data["totalPages"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That((data["hasNextPage"]!.GetValue<bool>(), data["nextPage"]), Is.EqualTo((false, (JsonNode?)null)));
            Assert.That(data["pagingCounter"]!.GetValue<long>(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Unsearched_lists_take_their_exact_total_from_the_counters_whatever_the_cap()
    {
        var owner = await CreateUserAsync();
        for (var i = 0; i < 4; i++)
            await SeedVideoAsync(owner.Id, isPublished: i % 2 == 0);

        var data = await ListAsync(owner, $"userId={owner.Id}");

        Assert.That((data["totalDocs"]!.GetValue<long>(), data["totalDocsCapped"]!.GetValue<bool>(),
            data["docs"]!.AsArray().Count), Is.EqualTo((4L, false, 4)));
    }
}
