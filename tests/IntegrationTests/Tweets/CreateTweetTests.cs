using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Tweets;

public sealed class CreateTweetTests : ApiTestBase
{
    [Test]
    public async Task Create_returns_201_with_trimmed_content_and_owner_summary()
    {
        var user = await CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/tweets", new { content = "  hello world  " });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        var data = json["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(json["statusCode"]!.GetValue<int>(), Is.EqualTo(201));
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Tweet created successfully"));
            Assert.That(data["content"]!.GetValue<string>(), Is.EqualTo("hello world"));
            Assert.That(data["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(user.Id.ToString()));
            Assert.That(data["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(user.Username));
            Assert.That(data["owner"]!["email"], Is.Null, "the owner summary carries no email");
            Assert.That(data["likesCount"]!.GetValue<int>(), Is.Zero);
            Assert.That(data["isLiked"]!.GetValue<bool>(), Is.False);
            Assert.That(data["createdAt"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        });
        var stored = await WithDbAsync(db => db.Tweets.SingleAsync(t => t.OwnerId == user.Id));
        Assert.That(stored.Content, Is.EqualTo("hello world"));
    }

    [Test]
    public async Task Content_of_exactly_the_maximum_length_is_accepted_from_a_form()
    {
        var user = await CreateUserAsync();
        var content = new string('y', Tweet.MaxContentLength);
        var response = await user.Client.PostAsync("/api/v1/tweets",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["content"] = content }));
        Assert.That((await response.DataAsync(HttpStatusCode.Created))["content"]!.GetValue<string>(), Is.EqualTo(content));
    }

    [Test]
    public async Task Blank_missing_too_long_or_non_string_content_is_400_and_nothing_is_stored()
    {
        var user = await CreateUserAsync();
        Assert.That(await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/tweets", new { content = "   " }),
            HttpStatusCode.BadRequest), Is.EqualTo("Content is required"));
        await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/tweets", new { }), HttpStatusCode.BadRequest);
        Assert.That(await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/tweets",
            new { content = new string('x', Tweet.MaxContentLength + 1) }), HttpStatusCode.BadRequest), Is.EqualTo("Content is too long"));
        await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/tweets", new { content = new { x = 1 } }),
            HttpStatusCode.BadRequest);

        Assert.That(await WithDbAsync(db => db.Tweets.CountAsync(t => t.OwnerId == user.Id)), Is.Zero);
    }

    [Test]
    public async Task Create_without_a_token_is_401()
    {
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PostAsJsonAsync("/api/v1/tweets", new { content = "x" }), HttpStatusCode.Unauthorized);
    }
}
