using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Tweets;

public sealed class DeleteTweetTests : ApiTestBase
{
    [Test]
    public async Task Owner_deletes_the_tweet_and_its_likes()
    {
        var user = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var id = await user.PostTweetAsync();
        var kept = await user.PostTweetAsync("kept");
        await fan.ToggleLikeAsync("t", id);
        await fan.ToggleLikeAsync("t", kept);

        var response = await user.Client.DeleteAsync($"/api/v1/tweets/{id}");

        var json = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Tweet deleted successfully"));
            Assert.That(json["data"]!.AsObject(), Is.Empty);
        });
        Assert.That(await WithDbAsync(db => db.Tweets.Select(t => t.Id).Where(t => t == id || t == kept).ToListAsync()),
            Is.EqualTo(new[] { kept }));
        Assert.That(await WithDbAsync(db => db.Likes.Where(l => l.LikedById == fan.Id).Select(l => l.TweetId).ToListAsync()),
            Is.EqualTo(new Guid?[] { kept }));
        await AssertErrorAsync(await user.Client.DeleteAsync($"/api/v1/tweets/{id}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Non_owner_gets_403_and_the_tweet_stays()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var id = await owner.PostTweetAsync();

        await AssertErrorAsync(await other.Client.DeleteAsync($"/api/v1/tweets/{id}"), HttpStatusCode.Forbidden);

        Assert.That(await WithDbAsync(db => db.Tweets.AnyAsync(t => t.Id == id)), Is.True);
    }

    [Test]
    public async Task Unknown_id_is_404_malformed_400_and_no_token_401()
    {
        var user = await CreateUserAsync();
        var id = await user.PostTweetAsync();
        await AssertErrorAsync(await user.Client.DeleteAsync($"/api/v1/tweets/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.That(await AssertErrorAsync(await user.Client.DeleteAsync("/api/v1/tweets/xyz"), HttpStatusCode.BadRequest),
            Is.EqualTo("Invalid tweet id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.DeleteAsync($"/api/v1/tweets/{id}"), HttpStatusCode.Unauthorized);
    }
}
