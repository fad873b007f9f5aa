using System.Net;

namespace VideoTube.IntegrationTests.Users;

public sealed class ChannelProfileTests : ApiTestBase
{
    [Test]
    public async Task Profile_has_the_counts_and_the_callers_subscription_in_one_statement()
    {
        var channel = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var other = await CreateUserAsync();
        await fan.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null);
        await other.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null);
        await channel.Client.PostAsync($"/api/v1/subscriptions/c/{other.Id}", null);

        Factory.SqlCommands.Reset();
        var response = await fan.Client.GetAsync($"/api/v1/users/c/{channel.Username.ToUpperInvariant()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
        var json = await ReadJsonAsync(response);
        var data = json["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("User channel fetched successfully"));
            Assert.That(data["_id"]!.GetValue<string>(), Is.EqualTo(channel.Id.ToString()));
            Assert.That(data["username"]!.GetValue<string>(), Is.EqualTo(channel.Username));
            Assert.That(data["fullName"]!.GetValue<string>(), Is.EqualTo("Test User"));
            Assert.That(data["avatar"]!.GetValue<string>(), Does.Contain("/media/avatars/"));
            Assert.That(data["coverImage"]!.GetValue<string>(), Is.Empty);
            Assert.That(data["subscribersCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(data["channelsSubscribedToCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["isSubscribed"]!.GetValue<bool>(), Is.True);
            Assert.That(data.AsObject().Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "_id", "fullName", "username", "avatar", "coverImage", "email", "subscribersCount",
                "channelsSubscribedToCount", "isSubscribed",
            }));
        });
    }

    [Test]
    public async Task Email_is_shown_only_on_the_callers_own_channel()
    {
        var channel = await CreateUserAsync();
        var visitor = await CreateUserAsync();

        var own = await ReadJsonAsync(await channel.Client.GetAsync($"/api/v1/users/c/{channel.Username}"));
        var visited = await ReadJsonAsync(await visitor.Client.GetAsync($"/api/v1/users/c/{channel.Username}"));

        Assert.That(own["data"]!["email"]!.GetValue<string>(), Is.EqualTo(channel.Email));
        Assert.That(own["data"]!["isSubscribed"]!.GetValue<bool>(), Is.False);
        Assert.That(visited["data"]!["email"], Is.Null);
    }

    [Test]
    public async Task Unknown_blank_and_anonymous_are_rejected()
    {
        var user = await CreateUserAsync();
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/users/c/nobody-here"), HttpStatusCode.NotFound),
            Is.EqualTo("channel does not exists"));
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/users/c/%20%20"), HttpStatusCode.BadRequest),
            Is.EqualTo("username is missing"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync($"/api/v1/users/c/{user.Username}"), HttpStatusCode.Unauthorized);
    }
}
