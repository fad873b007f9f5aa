using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using VideoTube.Infrastructure.Data;

namespace VideoTube.IntegrationTests.Infrastructure;

/// <summary>The real API, in memory, over its own PostgreSQL database and media folder.</summary>
public sealed class VideoTubeApiFactory(string connectionString, string mediaRoot, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string SigningKey = "integration-tests-signing-key-0123456789abcdef";

    /// <summary>The tests' CDN stand-in: the API's own /media route at the tests' base address.</summary>
    public const string PublicBaseUrl = "https://localhost/media";

    public SqlCommandCounter SqlCommands { get; } = new();

    public string MediaRoot => mediaRoot;

    /// <summary>Serves real HTTP on a free loopback port instead of the in-memory test server; returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:VideoTube"] = connectionString,
            ["Jwt:SigningKey"] = SigningKey,
            ["Storage:Local:RootPath"] = mediaRoot,
            ["Storage:PublicBaseUrl"] = PublicBaseUrl,
            ["Database:MigrateOnStartup"] = "false",
            ["Cors:AllowedOrigins:0"] = "https://spa.example.com",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Most tests are about the API, not transcoding: their hosts only queue jobs (tests/.../Processing run them).
            ["Jobs:WorkerEnabled"] = "false",
            ["Jobs:PollInterval"] = "00:00:01",
            ["OpenApi:Enabled"] = "true",
            // The limiter stays on, with limits no functional test reaches; the abuse tests set real ones.
            ["RateLimiting:Auth:PermitLimit"] = "1000000",
            ["RateLimiting:Uploads:PermitLimit"] = "1000000",
            ["RateLimiting:Writes:PermitLimit"] = "1000000",
            ["RateLimiting:Reads:PermitLimit"] = "1000000",
            // The suite shares two cores with builds (50 concurrent logins open connections slower than 5 s there);
            // the outage drill sets the short production-like timeouts itself.
            ["Database:CommandTimeout"] = "00:00:30",
            ["Database:ConnectTimeout"] = "00:00:30",
            // Views are stored when a test flushes them (ApiTestBase.FlushViewsAsync), not by a timer that could add a
            // statement to a test counting SQL; BufferedViewsTests runs the timer.
            ["Views:FlushInterval"] = "00:05:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        foreach (var (key, value) in values)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(values));
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<ApplicationDbContext>(options => options.AddInterceptors(SqlCommands)));
    }
}
