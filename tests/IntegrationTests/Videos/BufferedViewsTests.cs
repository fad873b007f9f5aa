using System.Net;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>The view buffer's own timer and its flush on a graceful stop (other tests flush by hand).</summary>
public sealed class BufferedViewsTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Views:FlushInterval"] = "00:00:00.200",
    };

    [Test]
    public async Task The_timer_stores_the_views()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        Assert.That((await viewer.Client.GetAsync($"/api/v1/videos/{video.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        long stored = 0;
        for (var poll = 0; poll < 200 && stored == 0; poll++)
        {
            await Task.Delay(100);
            stored = await StoredViewsAsync(video.Id);
        }
        Assert.That(stored, Is.EqualTo(1));
    }

    [Test]
    public async Task A_graceful_stop_stores_the_views_it_holds()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);
        var mediaRoot = Path.Combine(Path.GetTempPath(), "videotube-tests", Guid.NewGuid().ToString("N"));
        await using (var other = new VideoTubeApiFactory(ConnectionString, mediaRoot,
                         new Dictionary<string, string?> { ["Views:FlushInterval"] = "00:05:00" }))
        {
            using var client = other.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
            client.DefaultRequestHeaders.Authorization = viewer.Client.DefaultRequestHeaders.Authorization;
            for (var i = 0; i < 3; i++)
                Assert.That((await client.GetAsync($"/api/v1/videos/{video.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(await StoredViewsAsync(video.Id), Is.EqualTo(3));
        if (Directory.Exists(mediaRoot))
            Directory.Delete(mediaRoot, recursive: true);
    }
}
