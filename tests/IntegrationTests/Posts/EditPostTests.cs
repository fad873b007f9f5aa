using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Posts;

/// <summary>PATCH /tweets/{id} and PATCH /comments/c/{id}: one use case (EditPost), the same promises for both.</summary>
[TestFixture("tweet")]
[TestFixture("comment")]
public sealed class EditPostTests(string kind) : ApiTestBase
{
    private bool IsComment => kind == "comment";

    private string Url(object id) => IsComment ? $"/api/v1/comments/c/{id}" : $"/api/v1/tweets/{id}";

    /// <summary>
    /// The post's author, and a second user who may not edit it: for a comment, the owner of the video it is on (who
    /// may delete it, but not put words in its author's mouth).
    /// </summary>
    private async Task<(TestUser Author, TestUser Other, Guid Id)> PostAsync(string content)
    {
        var author = await CreateUserAsync();
        var other = await CreateUserAsync();
        if (!IsComment)
            return (author, other, await author.PostTweetAsync(content));
        var video = await SeedVideoAsync(other.Id);
        return (author, other, await author.PostCommentAsync(video.Id, content));
    }

    private Task<string> StoredContentAsync(Guid id) => IsComment
        ? WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Content).SingleAsync())
        : WithDbAsync(db => db.Tweets.Where(t => t.Id == id).Select(t => t.Content).SingleAsync());

    [Test]
    public async Task Author_updates_the_trimmed_content_and_keeps_its_likes()
    {
        var (author, other, id) = await PostAsync("original");
        await other.ToggleLikeAsync(IsComment ? "c" : "t", id);

        var data = await (await author.Client.PatchAsJsonAsync(Url(id), new { content = " edited " })).DataAsync();

        Assert.Multiple(() =>
        {
            Assert.That(data["content"]!.GetValue<string>(), Is.EqualTo("edited"));
            Assert.That(data["likesCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(DateTime.Parse(data["updatedAt"]!.GetValue<string>()),
                Is.GreaterThan(DateTime.Parse(data["createdAt"]!.GetValue<string>())));
        });
        Assert.That(await StoredContentAsync(id), Is.EqualTo("edited"));
    }

    [Test]
    public async Task Anyone_else_gets_403_and_nothing_changes()
    {
        var (_, other, id) = await PostAsync("original");

        await AssertErrorAsync(await other.Client.PatchAsJsonAsync(Url(id), new { content = "hijack" }), HttpStatusCode.Forbidden);

        Assert.That(await StoredContentAsync(id), Is.EqualTo("original"));
    }

    [Test]
    public async Task Unknown_malformed_invalid_and_anonymous_requests_fail()
    {
        var (author, _, id) = await PostAsync("original");
        var name = IsComment ? "Comment" : "Tweet";
        Assert.That(await AssertErrorAsync(await author.Client.PatchAsJsonAsync(Url(Guid.NewGuid()), new { content = "x" }),
            HttpStatusCode.NotFound), Is.EqualTo($"{name} not found"));
        Assert.That(await AssertErrorAsync(await author.Client.PatchAsJsonAsync(Url("nope"), new { content = "x" }),
            HttpStatusCode.BadRequest), Is.EqualTo($"Invalid {kind} id"));
        await AssertErrorAsync(await author.Client.PatchAsJsonAsync(Url(id), new { }), HttpStatusCode.BadRequest);
        await AssertErrorAsync(await author.Client.PatchAsJsonAsync(Url(id), new { content = "" }), HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PatchAsJsonAsync(Url(id), new { content = "x" }), HttpStatusCode.Unauthorized);

        Assert.That(await StoredContentAsync(id), Is.EqualTo("original"));
    }
}
