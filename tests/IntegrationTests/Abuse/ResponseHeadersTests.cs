using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>
/// Issue 10, item 11: nosniff everywhere, no-store on responses that carry tokens or the current user, and media with
/// validators (ETag, Last-Modified), conditional GET, If-Range, HEAD and a Cache-Control that keeps drafts private.
/// </summary>
public sealed class ResponseHeadersTests : ApiTestBase
{
    [TestCase("/api/v1/healthcheck")]
    [TestCase("/health/live")]
    [TestCase("/no/such/route")]
    [TestCase("/media/avatars/missing.png")]
    public async Task Every_response_says_nosniff(string path)
    {
        using var client = CreateClient();
        var response = await client.GetAsync(path);
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [Test]
    public async Task Auth_and_current_user_responses_are_never_stored()
    {
        using var client = CreateClient();
        var username = UniqueName();
        var register = await client.PostAsync("/api/v1/users/register", RegistrationForm(username, $"{username}@example.com"));
        var login = await client.PostAsJsonAsync("/api/v1/users/login", new { username, password = DefaultPassword });
        var refresh = await client.PostAsync("/api/v1/users/refresh-token", null);
        var current = await client.GetAsync("/api/v1/users/current-user");
        var change = await client.PostAsJsonAsync("/api/v1/users/change-password",
            new { oldPassword = DefaultPassword, newPassword = "a-brand-new-password" });
        await LoginAsync(client, username, "a-brand-new-password");
        var logout = await client.PostAsync("/api/v1/users/logout", null);

        foreach (var response in new[] { register, login, refresh, current, change, logout })
        {
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{response.RequestMessage!.RequestUri}: {response.StatusCode}");
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.RequestMessage.RequestUri!.ToString());
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        }
    }

    [Test]
    public async Task Media_has_validators_and_answers_conditional_requests_and_HEAD()
    {
        var (key, bytes) = await RegisterWithAvatarAsync(TestFiles.Png(4096));
        using var client = CreateClient();

        var full = await client.GetAsync($"/media/{key}");
        Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await full.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        var etag = full.Headers.ETag;
        Assert.That(etag, Is.Not.Null);
        Assert.That(full.Content.Headers.LastModified, Is.Not.Null);
        Assert.That(full.Headers.CacheControl?.Public, Is.True);
        Assert.That(full.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));

        using (var conditional = new HttpRequestMessage(HttpMethod.Get, $"/media/{key}"))
        {
            conditional.Headers.IfNoneMatch.Add(etag!);
            var notModified = await client.SendAsync(conditional);
            Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await notModified.Content.ReadAsByteArrayAsync(), Is.Empty);
        }

        using (var sinceThen = new HttpRequestMessage(HttpMethod.Get, $"/media/{key}"))
        {
            sinceThen.Headers.IfModifiedSince = full.Content.Headers.LastModified;
            Assert.That((await client.SendAsync(sinceThen)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        }

        using (var resume = new HttpRequestMessage(HttpMethod.Get, $"/media/{key}"))
        {
            resume.Headers.Range = new RangeHeaderValue(100, 199);
            resume.Headers.IfRange = new RangeConditionHeaderValue(etag!);
            var partial = await client.SendAsync(resume);
            Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(await partial.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[100..200]));
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Get, $"/media/{key}"))
        {
            stale.Headers.Range = new RangeHeaderValue(100, 199);
            stale.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"some-older-version\""));
            var whole = await client.SendAsync(stale);
            Assert.That(whole.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a changed file is sent whole, not as a range of it");
            Assert.That(await whole.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        }

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/media/{key}"));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(bytes.Length));
        Assert.That(head.Headers.ETag, Is.EqualTo(etag));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task A_drafts_files_are_never_kept_by_a_shared_cache_and_published_ones_are_public()
    {
        var owner = await CreateUserAsync();
        var draft = await SeedVideoAsync(owner.Id, isPublished: false);
        var published = await SeedVideoAsync(owner.Id, isPublished: true);
        WriteMedia(draft.VideoFileKey, [1, 2, 3, 4]);
        WriteMedia(published.VideoFileKey, [1, 2, 3, 4]);

        var ownDraft = await owner.Client.GetAsync($"/media/{draft.VideoFileKey}");
        Assert.That(ownDraft.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ownDraft.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(ownDraft.Headers.CacheControl?.Private, Is.True);
        Assert.That(ownDraft.Headers.CacheControl?.Public, Is.False);

        var anonymousDraft = await CreateClient().GetAsync($"/media/{draft.VideoFileKey}");
        Assert.That(anonymousDraft.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var publicFile = await CreateClient().GetAsync($"/media/{published.VideoFileKey}");
        Assert.That(publicFile.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(publicFile.Headers.CacheControl?.Public, Is.True);
        Assert.That(publicFile.Headers.CacheControl?.MaxAge, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task A_polyglot_png_is_served_as_png_with_nosniff_never_as_html()
    {
        var polyglot = TestFiles.Png(8).Concat(Encoding.ASCII.GetBytes("<html><script>alert(document.cookie)</script></html>")).ToArray();
        var (key, _) = await RegisterWithAvatarAsync(polyglot);

        var response = await CreateClient().GetAsync($"/media/{key}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("sandbox"));
    }

    [Test]
    public async Task A_stored_image_whose_bytes_are_not_an_image_is_served_as_opaque_bytes()
    {
        const string key = "avatars/tampered.png";
        WriteMedia(key, Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>"));

        var response = await CreateClient().GetAsync($"/media/{key}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
    }

    private async Task<(string Key, byte[] Bytes)> RegisterWithAvatarAsync(byte[] avatar)
    {
        using var client = CreateClient();
        var username = UniqueName();
        var register = await client.PostAsync("/api/v1/users/register",
            RegistrationForm(username, $"{username}@example.com", avatar: avatar));
        Assert.That(register.StatusCode, Is.EqualTo(HttpStatusCode.Created), await register.Content.ReadAsStringAsync());
        var url = (await ReadJsonAsync(register))["data"]!["avatar"]!.GetValue<string>();
        return (url[(url.IndexOf("/media/", StringComparison.Ordinal) + "/media/".Length)..], avatar);
    }

    private void WriteMedia(string key, byte[] bytes)
    {
        var path = Path.Combine(Factory.MediaRoot, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
