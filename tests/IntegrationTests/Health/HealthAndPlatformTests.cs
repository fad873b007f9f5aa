using System.Net;

namespace VideoTube.IntegrationTests.Health;

/// <summary>Health probes and cross-cutting HTTP behaviour (envelope for unknown routes, CORS, correlation ids).</summary>
public sealed class HealthAndPlatformTests : ApiTestBase
{
    [Test]
    public async Task Chai_healthcheck_answers_ok_in_the_envelope()
    {
        using var client = CreateClient();
        var json = await ReadJsonAsync(await client.GetAsync("/api/v1/healthcheck"));
        Assert.Multiple(() =>
        {
            Assert.That(json["statusCode"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(json["data"]!["status"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(json["success"]!.GetValue<bool>(), Is.True);
        });
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Probes_are_healthy(string path)
    {
        using var client = CreateClient();
        var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response))["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Unknown_route_is_a_404_envelope()
    {
        using var client = CreateClient();
        Assert.That(await AssertErrorAsync(await client.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound), Is.EqualTo("Route not found"));
    }

    [Test]
    public async Task Cors_allows_the_configured_spa_origin_with_credentials_only()
    {
        using var client = CreateClient();
        var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/v1/users/login");
        allowed.Headers.Add("Origin", "https://spa.example.com");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await client.SendAsync(allowed);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://spa.example.com"));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Credentials").Single(), Is.EqualTo("true"));

        var denied = new HttpRequestMessage(HttpMethod.Options, "/api/v1/users/login");
        denied.Headers.Add("Origin", "https://evil.example.com");
        denied.Headers.Add("Access-Control-Request-Method", "POST");
        Assert.That((await client.SendAsync(denied)).Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Correlation_id_is_echoed_or_generated()
    {
        using var client = CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/healthcheck");
        request.Headers.Add("X-Correlation-ID", "abc-123");
        Assert.That((await client.SendAsync(request)).Headers.GetValues("X-Correlation-ID").Single(), Is.EqualTo("abc-123"));
        Assert.That((await client.GetAsync("/api/v1/healthcheck")).Headers.GetValues("X-Correlation-ID").Single(), Is.Not.Empty);
    }

    [Test]
    public async Task OpenApi_document_lists_the_routes()
    {
        using var client = CreateClient();
        var text = await client.GetStringAsync("/openapi/v1.json");
        Assert.That(text, Does.Contain("/api/v1/users/login"));
    }

    [Test]
    public async Task Media_keys_cannot_escape_the_media_root()
    {
        using var client = CreateClient();
        await AssertErrorAsync(await client.GetAsync("/media/..%2F..%2Fetc%2Fpasswd"), HttpStatusCode.NotFound);
        await AssertErrorAsync(await client.GetAsync("/media/avatars/missing.png"), HttpStatusCode.NotFound);
    }
}
