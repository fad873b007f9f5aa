using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Comments;

public sealed class UpdateCommentTests : ApiTestBase
{
    private Task<string> StoredContentAsync(Guid id) =>
        WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Content).SingleAsync());

    [Test]
    public async Task Author_updates_the_comment()
    {
        var author = await CreateUserAsync();
        var video = await SeedVideoAsync(author.Id);
        var id = await author.PostCommentAsync(video.Id, "typo");

        var data = await (await author.Client.PatchAsJsonAsync($"/api/v1/comments/c/{id}", new { content = "fixed" })).DataAsync();

        Assert.That(data["content"]!.GetValue<string>(), Is.EqualTo("fixed"));
        Assert.That(await StoredContentAsync(id), Is.EqualTo("fixed"));
    }

    [Test]
    public async Task Anyone_else_even_the_video_owner_gets_403()
    {
        var videoOwner = await CreateUserAsync();
        var author = await CreateUserAsync();
        var video = await SeedVideoAsync(videoOwner.Id);
        var id = await author.PostCommentAsync(video.Id, "mine");

        await AssertErrorAsync(await videoOwner.Client.PatchAsJsonAsync($"/api/v1/comments/c/{id}", new { content = "edited" }),
            HttpStatusCode.Forbidden);

        Assert.That(await StoredContentAsync(id), Is.EqualTo("mine"));
    }

    [Test]
    public async Task Unknown_malformed_invalid_and_anonymous_requests_fail()
    {
        var author = await CreateUserAsync();
        var video = await SeedVideoAsync(author.Id);
        var id = await author.PostCommentAsync(video.Id, "mine");
        Assert.That(await AssertErrorAsync(await author.Client.PatchAsJsonAsync($"/api/v1/comments/c/{Guid.NewGuid()}", new { content = "x" }),
            HttpStatusCode.NotFound), Is.EqualTo("Comment not found"));
        Assert.That(await AssertErrorAsync(await author.Client.PatchAsJsonAsync("/api/v1/comments/c/nope", new { content = "x" }),
            HttpStatusCode.BadRequest), Is.EqualTo("Invalid comment id"));
        await AssertErrorAsync(await author.Client.PatchAsJsonAsync($"/api/v1/comments/c/{id}", new { }), HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PatchAsJsonAsync($"/api/v1/comments/c/{id}", new { content = "x" }),
            HttpStatusCode.Unauthorized);

        Assert.That(await StoredContentAsync(id), Is.EqualTo("mine"));
    }
}
