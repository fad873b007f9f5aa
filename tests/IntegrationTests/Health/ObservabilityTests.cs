using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VideoTube.IntegrationTests.Health;

/// <summary>Prometheus metrics (platform and product) and the correlation id on every kind of response.</summary>
public sealed class ObservabilityTests : ApiTestBase
{
    [Test]
    public async Task Metrics_endpoint_exposes_http_runtime_database_and_product_metrics()
    {
        await CreateUserAsync(); // registers with an avatar, then logs in
        using var client = CreateClient();
        await client.PostAsJsonAsync("/api/v1/users/login", new { username = "nobody-here", password = "wrong-password" });

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("http_server_request_duration_seconds"));
            Assert.That(text, Does.Contain("dotnet_gc_collections_total"));
            Assert.That(text, Does.Contain("db_client_operation_duration_seconds"));
            Assert.That(text, Does.Match("videotube_logins_total\\{[^}]*outcome=\"success\"[^}]*\\} [1-9]"));
            Assert.That(text, Does.Match("videotube_logins_total\\{[^}]*outcome=\"rejected\"[^}]*\\} [1-9]"));
            Assert.That(text, Does.Match("videotube_uploads_total\\{[^}]*kind=\"avatars\"[^}]*\\} [1-9]"));
            Assert.That(text, Does.Match("videotube_storage_bytes_stored[a-z_]*\\{[^}]*kind=\"avatars\"[^}]*\\} [1-9]"));
        });
    }

    [Test]
    public void Loggers_are_made_once_per_category()
    {
        // ASP.NET Core asks the factory for a logger on every JSON response; Serilog's would build a new one each time.
        var loggers = Factory.Services.GetRequiredService<ILoggerFactory>();
        var first = loggers.CreateLogger("Microsoft.AspNetCore.Http.Result.JsonResult");
        var second = loggers.CreateLogger("Microsoft.AspNetCore.Http.Result.JsonResult");
        Assert.That(second, Is.SameAs(first));
    }

    [TestCase("/api/v1/videos/not-a-uuid", HttpStatusCode.Unauthorized)]
    [TestCase("/api/v1/nothing-here", HttpStatusCode.NotFound)]
    public async Task Error_responses_carry_the_correlation_id(string path, HttpStatusCode expected)
    {
        using var client = CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Correlation-ID", "err-42");
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Headers.GetValues("X-Correlation-ID").Single(), Is.EqualTo("err-42"));
    }

    [Test]
    public async Task Exceptions_turned_into_errors_keep_the_correlation_id()
    {
        var user = await CreateUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/videos/not-a-uuid");
        request.Headers.Add("X-Correlation-ID", "bad-id-7");
        var response = await user.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Headers.GetValues("X-Correlation-ID").Single(), Is.EqualTo("bad-id-7"));
    }
}
