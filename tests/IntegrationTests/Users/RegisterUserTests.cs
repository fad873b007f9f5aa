using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Users;

public sealed class RegisterUserTests : ApiTestBase
{
    [Test]
    public async Task Register_creates_the_user_and_returns_its_public_view()
    {
        using var client = CreateClient();
        var username = UniqueName("Reg");
        var response = await client.PostAsync("/api/v1/users/register",
            RegistrationForm(username, $"  {username.ToUpperInvariant()}@Example.COM ", coverImage: TestFiles.Png(2048)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var json = await ReadJsonAsync(response);
        var data = json["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(json["statusCode"]!.GetValue<int>(), Is.EqualTo(201));
            Assert.That(json["success"]!.GetValue<bool>(), Is.True);
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("User registered Successfully"));
            Assert.That(Guid.TryParse(data["_id"]!.GetValue<string>(), out _), Is.True);
            Assert.That(data["username"]!.GetValue<string>(), Is.EqualTo(username.ToLowerInvariant()));
            Assert.That(data["email"]!.GetValue<string>(), Is.EqualTo($"{username.ToLowerInvariant()}@example.com"));
            Assert.That(data["avatar"]!.GetValue<string>(), Does.StartWith("https://localhost/media/avatars/"));
            Assert.That(data["coverImage"]!.GetValue<string>(), Does.StartWith("https://localhost/media/covers/"));
            Assert.That(data["createdAt"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
            Assert.That(data.ToJsonString(), Does.Not.Contain("password").IgnoreCase.And.Not.Contain("refreshToken"));
        });

        var avatar = await client.GetAsync(new Uri(data["avatar"]!.GetValue<string>()).PathAndQuery);
        Assert.That(avatar.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(avatar.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
    }

    [Test]
    public async Task Register_stores_only_a_password_hash()
    {
        var user = await CreateUserAsync();
        var hash = await WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());
        Assert.That(hash, Is.Not.Null.And.Not.Contain(user.Password));
    }

    [TestCase("username")]
    [TestCase("email")]
    public async Task Duplicate_username_or_email_is_409_and_leaves_no_file(string duplicated)
    {
        var existing = await CreateUserAsync();
        var filesBefore = MediaFileCount();
        using var client = CreateClient();
        var username = duplicated == "username" ? existing.Username.ToUpperInvariant() : UniqueName();
        var email = duplicated == "email" ? existing.Email.ToUpperInvariant() : $"{UniqueName()}@example.com";

        var response = await client.PostAsync("/api/v1/users/register", RegistrationForm(username, email));

        Assert.That(await AssertErrorAsync(response, HttpStatusCode.Conflict), Is.EqualTo("User with email or username already exists"));
        Assert.That(MediaFileCount(), Is.EqualTo(filesBefore));
    }

    [TestCase("fullName")]
    [TestCase("email")]
    [TestCase("username")]
    [TestCase("password")]
    public async Task Missing_or_blank_field_is_400(string field)
    {
        using var client = CreateClient();
        var username = UniqueName();
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new[] { ("fullName", "Name"), ("email", $"{username}@example.com"), ("username", username), ("password", DefaultPassword) })
            if (name != field) form.Add(new StringContent(value), name);
        form.Add(new StringContent("   "), field == "password" ? "ignored" : field);
        form.Add(ImageContent(TestFiles.Png()), "avatar", "a.png");

        var response = await client.PostAsync("/api/v1/users/register", form);

        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("All fields are required"));
    }

    [TestCase("email", "not-an-email", "Invalid email address")]
    [TestCase("email", "a@b", "Invalid email address")]
    [TestCase("email", "two@@example.com", "Invalid email address")]
    [TestCase("username", "ab", "Invalid username")]
    [TestCase("username", "has space", "Invalid username")]
    [TestCase("username", "semi;colon", "Invalid username")]
    public async Task Bad_email_or_username_is_400(string field, string value, string message)
    {
        using var client = CreateClient();
        var form = field == "email"
            ? RegistrationForm(UniqueName(), value)
            : RegistrationForm(value, $"{UniqueName()}@example.com");
        var response = await client.PostAsync("/api/v1/users/register", form);
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo(message));
    }

    [Test]
    public async Task Short_password_is_400()
    {
        using var client = CreateClient();
        var name = UniqueName();
        var response = await client.PostAsync("/api/v1/users/register", RegistrationForm(name, $"{name}@example.com", password: "short"));
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("Invalid password"));
    }

    [Test]
    public async Task Missing_avatar_is_400_for_multipart_and_json()
    {
        using var client = CreateClient();
        var name = UniqueName();
        var multipart = await client.PostAsync("/api/v1/users/register",
            RegistrationForm(name, $"{name}@example.com", includeAvatar: false));
        Assert.That(await AssertErrorAsync(multipart, HttpStatusCode.BadRequest), Is.EqualTo("Avatar file is required"));

        var json = await client.PostAsJsonAsync("/api/v1/users/register",
            new { fullName = "A", email = $"{name}@example.com", username = name, password = DefaultPassword });
        Assert.That(await AssertErrorAsync(json, HttpStatusCode.BadRequest), Is.EqualTo("Avatar file is required"));
    }

    public enum BadUpload
    {
        ScriptAsAvatar,
        TextAfterAGoodAvatar,
        OversizedAvatar,
    }

    [TestCase(BadUpload.ScriptAsAvatar, HttpStatusCode.UnsupportedMediaType)]
    [TestCase(BadUpload.TextAfterAGoodAvatar, HttpStatusCode.UnsupportedMediaType)]
    [TestCase(BadUpload.OversizedAvatar, HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_bad_upload_is_rejected_and_leaves_no_file_and_no_user(BadUpload upload, HttpStatusCode expected)
    {
        var filesBefore = MediaFileCount();
        using var client = CreateClient();
        var name = UniqueName();
        var email = $"{name}@example.com";
        var form = upload switch
        {
            BadUpload.ScriptAsAvatar => RegistrationForm(name, email, avatar: "#!/bin/sh\necho not an image\n"u8.ToArray()),
            BadUpload.TextAfterAGoodAvatar => RegistrationForm(name, email, coverImage: "plain text"u8.ToArray()),
            _ => RegistrationForm(name, email, avatar: TestFiles.Png(5 * 1024 * 1024 + 1)),
        };

        await AssertErrorAsync(await client.PostAsync("/api/v1/users/register", form), expected);
        Assert.That(MediaFileCount(), Is.EqualTo(filesBefore));
        Assert.That(await WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)), Is.False);
    }

    [Test]
    public async Task Unexpected_or_repeated_file_fields_are_400()
    {
        using var client = CreateClient();
        var name = UniqueName();
        var extra = RegistrationForm(name, $"{name}@example.com");
        extra.Add(ImageContent(TestFiles.Png()), "virus", "x.png");
        await AssertErrorAsync(await client.PostAsync("/api/v1/users/register", extra), HttpStatusCode.BadRequest);

        var twice = RegistrationForm(name, $"{name}@example.com");
        twice.Add(ImageContent(TestFiles.Png()), "avatar", "second.png");
        await AssertErrorAsync(await client.PostAsync("/api/v1/users/register", twice), HttpStatusCode.BadRequest);
    }
}
