using System.Net;

namespace VideoTube.IntegrationTests.Users;

public sealed class UpdateUserImageTests : ApiTestBase
{
    [TestCase("avatar", "Avatar image updated successfully")]
    [TestCase("coverImage", "Cover image updated successfully")]
    public async Task New_image_replaces_and_deletes_the_old_file(string field, string message)
    {
        var user = await CreateUserAsync();
        var before = (await ReadJsonAsync(await user.Client.GetAsync("/api/v1/users/current-user")))["data"]![field]!.GetValue<string>();
        var filesBefore = MediaFileCount();

        var form = new MultipartFormDataContent { { ImageContent(TestFiles.Png(4096)), field, "new.png" } };
        var response = await user.Client.PatchAsync($"/api/v1/users/{(field == "avatar" ? "avatar" : "cover-image")}", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        var after = json["data"]![field]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo(message));
            Assert.That(after, Is.Not.EqualTo(before).And.Contains("/media/"));
            Assert.That(json["data"]!.ToJsonString(), Does.Not.Contain("refreshToken"));
        });
        Assert.That(MediaFileCount(), Is.EqualTo(string.IsNullOrEmpty(before) ? filesBefore + 1 : filesBefore));
        if (!string.IsNullOrEmpty(before))
            Assert.That((await user.Client.GetAsync(new Uri(before).PathAndQuery)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await user.Client.GetAsync(new Uri(after).PathAndQuery)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Missing_file_is_400()
    {
        var user = await CreateUserAsync();
        var empty = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        Assert.That(await AssertErrorAsync(await user.Client.PatchAsync("/api/v1/users/avatar", empty), HttpStatusCode.BadRequest),
            Is.EqualTo("Avatar file is missing"));
        Assert.That(await AssertErrorAsync(await user.Client.PatchAsync("/api/v1/users/cover-image",
                new MultipartFormDataContent { { new StringContent("x"), "note" } }), HttpStatusCode.BadRequest),
            Is.EqualTo("Cover image file is missing"));
        await AssertErrorAsync(await user.Client.PatchAsync("/api/v1/users/avatar", new StringContent("{}")), HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Non_image_or_oversized_file_is_rejected_and_nothing_changes()
    {
        var user = await CreateUserAsync();
        var before = (await ReadJsonAsync(await user.Client.GetAsync("/api/v1/users/current-user")))["data"]!["avatar"]!.GetValue<string>();
        var filesBefore = MediaFileCount();

        var text = new MultipartFormDataContent { { ImageContent("hello"u8.ToArray(), "image/png"), "avatar", "fake.png" } };
        await AssertErrorAsync(await user.Client.PatchAsync("/api/v1/users/avatar", text), HttpStatusCode.UnsupportedMediaType);
        var huge = new MultipartFormDataContent { { ImageContent(TestFiles.Png(6 * 1024 * 1024)), "avatar", "huge.png" } };
        await AssertErrorAsync(await user.Client.PatchAsync("/api/v1/users/avatar", huge), HttpStatusCode.RequestEntityTooLarge);

        var after = (await ReadJsonAsync(await user.Client.GetAsync("/api/v1/users/current-user")))["data"]!["avatar"]!.GetValue<string>();
        Assert.That(after, Is.EqualTo(before));
        Assert.That(MediaFileCount(), Is.EqualTo(filesBefore));
    }

    [Test]
    public async Task Without_a_token_is_401()
    {
        using var client = CreateClient();
        var form = new MultipartFormDataContent { { ImageContent(TestFiles.Png()), "avatar", "a.png" } };
        await AssertErrorAsync(await client.PatchAsync("/api/v1/users/avatar", form), HttpStatusCode.Unauthorized);
    }
}
