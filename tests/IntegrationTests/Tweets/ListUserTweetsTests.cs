using System.Net;
using System.Text.Json.Nodes;

namespace VideoTube.IntegrationTests.Tweets;

public sealed class ListUserTweetsTests : ApiTestBase
{
    [Test]
    public async Task Lists_a_users_tweets_newest_first_with_like_figures()
    {
        var author = await CreateUserAsync();
        var reader = await CreateUserAsync();
        await author.PostTweetAsync("first");
        var second = await author.PostTweetAsync("second");
        await author.PostTweetAsync("third");
        await reader.PostTweetAsync("someone else's");
        await reader.ToggleLikeAsync("t", second);
        await author.ToggleLikeAsync("t", second);

        var docs = (await (await reader.Client.GetAsync($"/api/v1/tweets/user/{author.Id}")).DataAsync()).AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(docs.Select(d => d!["content"]!.GetValue<string>()), Is.EqualTo(new[] { "third", "second", "first" }));
            Assert.That(docs.Select(d => d!["likesCount"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 2, 0 }));
            Assert.That(docs.Select(d => d!["isLiked"]!.GetValue<bool>()), Is.EqualTo(new[] { false, true, false }));
            Assert.That(docs.Select(d => d!["owner"]!["_id"]!.GetValue<string>()), Is.All.EqualTo(author.Id.ToString()));
            Assert.That(docs.Select(d => d!["owner"]!["fullName"]!.GetValue<string>()), Is.All.EqualTo("Test User"));
        });
    }

    [Test]
    public async Task A_user_without_tweets_gets_an_empty_array()
    {
        var user = await CreateUserAsync();
        Assert.That(await (await user.Client.GetAsync($"/api/v1/tweets/user/{user.Id}")).DataAsync(),
            Is.InstanceOf<JsonArray>().And.Empty);
    }

    [Test]
    public async Task Unknown_user_is_404_malformed_id_400_and_no_token_401()
    {
        var user = await CreateUserAsync();
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync($"/api/v1/tweets/user/{Guid.NewGuid()}"),
            HttpStatusCode.NotFound), Is.EqualTo("User not found"));
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/tweets/user/not-an-id"), HttpStatusCode.BadRequest),
            Is.EqualTo("Invalid user id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync($"/api/v1/tweets/user/{user.Id}"), HttpStatusCode.Unauthorized);
    }
}
