using System.Net;

namespace VideoTube.IntegrationTests.Comments;

public sealed class ListVideoCommentsTests : ApiTestBase
{
    [Test]
    public async Task Lists_comments_newest_first_in_the_paginate_shape_with_owner_and_likes()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);
        var otherVideo = await SeedVideoAsync(owner.Id);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await viewer.PostCommentAsync(video.Id, $"comment {i}"));
        await owner.PostCommentAsync(otherVideo.Id, "elsewhere");
        await owner.ToggleLikeAsync("c", ids[2]);
        await viewer.ToggleLikeAsync("c", ids[2]);
        await viewer.ToggleLikeAsync("c", ids[0]);

        var page1 = await (await owner.Client.GetAsync($"/api/v1/comments/{video.Id}?page=1&limit=2")).DataAsync();
        var page2 = await (await owner.Client.GetAsync($"/api/v1/comments/{video.Id}?page=2&limit=2")).DataAsync();

        var docs = page1["docs"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(SocialRequests.IdsOf(page1["docs"]!), Is.EqualTo(new[] { ids[2], ids[1] }));
            Assert.That(SocialRequests.IdsOf(page2["docs"]!), Is.EqualTo(new[] { ids[0] }));
            Assert.That(page1["totalDocs"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(page1["totalPages"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(page1["limit"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(page1["hasNextPage"]!.GetValue<bool>(), Is.True);
            Assert.That(page1["nextPage"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(page1["prevPage"], Is.Null);
            Assert.That(page2["pagingCounter"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(page2["hasPrevPage"]!.GetValue<bool>(), Is.True);
            Assert.That(docs[0]!["content"]!.GetValue<string>(), Is.EqualTo("comment 2"));
            Assert.That(docs[0]!["video"]!.GetValue<string>(), Is.EqualTo(video.Id.ToString()));
            Assert.That(docs[0]!["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(viewer.Username));
            Assert.That(docs[0]!["likesCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(docs[0]!["isLiked"]!.GetValue<bool>(), Is.True);
            Assert.That(docs[1]!["likesCount"]!.GetValue<int>(), Is.Zero);
            Assert.That(page2["docs"]![0]!["isLiked"]!.GetValue<bool>(), Is.False, "the owner did not like comment 0");
        });
    }

    [Test]
    public async Task Defaults_to_page_1_of_10_and_an_empty_video_has_no_docs()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);

        var data = await (await user.Client.GetAsync($"/api/v1/comments/{video.Id}?page=abc&limit=-3")).DataAsync();

        Assert.Multiple(() =>
        {
            Assert.That(data["docs"]!.AsArray(), Is.Empty);
            Assert.That(data["totalDocs"]!.GetValue<long>(), Is.Zero);
            Assert.That(data["page"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["limit"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(data["totalPages"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Unpublished_video_is_404_for_others_but_listable_by_its_owner()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var hidden = await SeedVideoAsync(owner.Id, isPublished: false);

        Assert.That(await AssertErrorAsync(await other.Client.GetAsync($"/api/v1/comments/{hidden.Id}"), HttpStatusCode.NotFound),
            Is.EqualTo("Video not found"));
        await (await owner.Client.GetAsync($"/api/v1/comments/{hidden.Id}")).DataAsync();
    }

    [Test]
    public async Task Unknown_video_is_404_malformed_id_400_and_no_token_401()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        await AssertErrorAsync(await user.Client.GetAsync($"/api/v1/comments/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/comments/zzz"), HttpStatusCode.BadRequest),
            Is.EqualTo("Invalid video id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync($"/api/v1/comments/{video.Id}"), HttpStatusCode.Unauthorized);
    }
}
