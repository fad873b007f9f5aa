using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>Shared set-up: a browser-like client that logged in and now holds the token cookies.</summary>
public abstract class CsrfTestBase : ApiTestBase
{
    protected const string AllowedOrigin = "https://spa.example.com";
    protected const string EvilOrigin = "https://evil.example";

    protected async Task<(HttpClient Browser, TestUser User)> LoggedInBrowserAsync()
    {
        var user = await CreateUserAsync();
        var browser = CreateClient(handleCookies: true);
        await LoginAsync(browser, user.Username, user.Password);
        return (browser, user);
    }

    protected static Task<HttpResponseMessage> PostTweetAsync(HttpClient client, string? origin = null, string? referer = null,
        string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tweets") { Content = JsonContent.Create(new { content = "hi" }) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client.SendAsync(request);
    }
}

/// <summary>Issue 10 (CSRF): with SameSite=None cookies, a cookie-authenticated write from a foreign origin is refused.</summary>
public sealed class CsrfSameSiteNoneTests : CsrfTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AuthCookies:SameSite"] = "None",
    };

    [Test]
    public async Task A_cookie_authenticated_write_from_a_foreign_origin_is_403_and_changes_nothing()
    {
        var (browser, user) = await LoggedInBrowserAsync();

        var message = await AssertErrorAsync(await PostTweetAsync(browser, origin: EvilOrigin), HttpStatusCode.Forbidden);
        Assert.That(message, Does.Contain("Cross-site"));
        await AssertErrorAsync(await PostTweetAsync(browser, referer: $"{EvilOrigin}/page"), HttpStatusCode.Forbidden);
        await AssertErrorAsync(await PostTweetAsync(browser, origin: "null"), HttpStatusCode.Forbidden);
        await AssertErrorAsync(await SendWithOriginAsync(browser, HttpMethod.Delete, $"/api/v1/tweets/{Guid.NewGuid()}", EvilOrigin),
            HttpStatusCode.Forbidden);
        Assert.That(await WithDbAsync(db => Task.FromResult(db.Tweets.Count(t => t.OwnerId == user.Id))), Is.Zero);
    }

    [Test]
    public async Task Allowed_origins_same_origin_and_requests_without_origin_pass()
    {
        var (browser, _) = await LoggedInBrowserAsync();

        Assert.That((await PostTweetAsync(browser, origin: AllowedOrigin)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await PostTweetAsync(browser, referer: $"{AllowedOrigin}/feed")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await PostTweetAsync(browser, origin: "https://localhost")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await PostTweetAsync(browser)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await browser.GetAsync("/api/v1/users/current-user")).StatusCode, Is.EqualTo(HttpStatusCode.OK),
            "reads are not state-changing");
    }

    [Test]
    public async Task Bearer_requests_and_requests_without_cookies_are_unaffected()
    {
        var (browser, user) = await LoggedInBrowserAsync();

        Assert.That((await PostTweetAsync(browser, origin: EvilOrigin, bearer: user.AccessToken)).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await PostTweetAsync(user.Client, origin: EvilOrigin)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var anonymous = CreateClient(handleCookies: false);
        var login = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users/login")
        {
            Content = JsonContent.Create(new { username = user.Username, password = user.Password }),
        };
        login.Headers.Add("Origin", EvilOrigin);
        Assert.That((await anonymous.SendAsync(login)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static Task<HttpResponseMessage> SendWithOriginAsync(HttpClient client, HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }
}

/// <summary>With SameSite=Lax (the default) browsers withhold the cookies cross-site themselves; the API does not check.</summary>
public sealed class CsrfSameSiteLaxTests : CsrfTestBase
{
    [Test]
    public async Task A_cookie_authenticated_write_with_a_foreign_origin_is_not_refused()
    {
        var (browser, _) = await LoggedInBrowserAsync();
        Assert.That((await PostTweetAsync(browser, origin: EvilOrigin)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
