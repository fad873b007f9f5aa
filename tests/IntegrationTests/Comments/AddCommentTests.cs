using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Comments;

public sealed class AddCommentTests : ApiTestBase
{
    [Test]
    public async Task Adds_a_trimmed_comment_as_the_caller()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        var response = await viewer.Client.PostAsJsonAsync($"/api/v1/comments/{video.Id}", new { content = "  nice video " });

        var data = await response.DataAsync(HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(data["content"]!.GetValue<string>(), Is.EqualTo("nice video"));
            Assert.That(data["video"]!.GetValue<string>(), Is.EqualTo(video.Id.ToString()));
            Assert.That(data["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(viewer.Id.ToString()));
            Assert.That(data["likesCount"]!.GetValue<int>(), Is.Zero);
        });
        var stored = await WithDbAsync(db => db.Comments.SingleAsync(c => c.VideoId == video.Id));
        Assert.That((stored.OwnerId, stored.Content), Is.EqualTo((viewer.Id, "nice video")));
    }

    [Test]
    public async Task Owner_may_comment_on_an_unpublished_video_others_get_404()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var hidden = await SeedVideoAsync(owner.Id, isPublished: false);

        await owner.PostCommentAsync(hidden.Id, "note to self");
        await AssertErrorAsync(await other.Client.PostAsJsonAsync($"/api/v1/comments/{hidden.Id}", new { content = "x" }),
            HttpStatusCode.NotFound);

        Assert.That(await WithDbAsync(db => db.Comments.CountAsync(c => c.VideoId == hidden.Id)), Is.EqualTo(1));
    }

    [Test]
    public async Task Invalid_content_unknown_or_malformed_video_and_no_token_fail()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        Assert.That(await AssertErrorAsync(await user.Client.PostAsJsonAsync($"/api/v1/comments/{video.Id}", new { content = " " }),
            HttpStatusCode.BadRequest), Is.EqualTo("Content is required"));
        await AssertErrorAsync(await user.Client.PostAsJsonAsync($"/api/v1/comments/{video.Id}",
            new { content = new string('x', Comment.MaxContentLength + 1) }), HttpStatusCode.BadRequest);
        await AssertErrorAsync(await user.Client.PostAsJsonAsync($"/api/v1/comments/{video.Id}", new { content = 5 }),
            HttpStatusCode.BadRequest);
        Assert.That(await AssertErrorAsync(await user.Client.PostAsJsonAsync($"/api/v1/comments/{Guid.NewGuid()}", new { content = "x" }),
            HttpStatusCode.NotFound), Is.EqualTo("Video not found"));
        await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/comments/12", new { content = "x" }),
            HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PostAsJsonAsync($"/api/v1/comments/{video.Id}", new { content = "x" }),
            HttpStatusCode.Unauthorized);

        Assert.That(await WithDbAsync(db => db.Comments.CountAsync(c => c.OwnerId == user.Id)), Is.Zero);
    }
}
