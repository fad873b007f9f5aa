using Microsoft.Extensions.Options;

namespace VideoTube.IntegrationTests.Health;

/// <summary>Misconfiguration stops the API at start-up with a clear message instead of failing on the first request.</summary>
public sealed class StartupValidationTests
{
    [TestCase("Jwt:SigningKey", "too-short")]
    [TestCase("Jwt:AccessTokenLifetime", "00:00:00")]
    [TestCase("Storage:Provider", "FloppyDisk")]
    [TestCase("Media:MaxImageBytes", "0")]
    [TestCase("Jobs:MaxConcurrentTranscodes", "0")]
    [TestCase("Maintenance:CounterRepairSchedule", "every night")]
    [TestCase("Maintenance:LoginAttemptsPruneSchedule", "")]
    [TestCase("Jobs:PollInterval", "00:00:00")]
    [TestCase("Jobs:RetryBackoffFactor", "0.5")]
    [TestCase("Ffmpeg:Ladder:0", "241")]
    [TestCase("Ffmpeg:Preset", "fast -i /etc/passwd")]
    [TestCase("Ffmpeg:SegmentSeconds", "0")]
    [TestCase("Storage:PublicBaseUrl", "cdn.example.com/media")]
    [TestCase("Storage:PublicBaseUrl", "ftp://cdn.example.com/media")]
    [TestCase("Storage:PublicBaseUrl", "https://cdn.example.com/media?v=1")]
    [TestCase("Storage:S3:PresignedUrlExpiry", "00:00:10")]
    [TestCase("Storage:S3:PresignedUrlExpiry", "8.00:00:00")]
    [TestCase("Storage:S3:PresignedUrls", "true")] // with the default Local provider
    [TestCase("OpenTelemetry:OtlpEndpoint", "not a url")]
    [TestCase("RateLimiting:Auth:PermitLimit", "0")]
    [TestCase("RateLimiting:Reads:Window", "00:00:00")]
    [TestCase("ForwardedHeaders:KnownProxies:0", "not-an-address")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    [TestCase("Database:CommandTimeout", "00:00:00")]
    [TestCase("Database:ReadinessTimeout", "00:05:00")]
    [TestCase("LoginThrottle:MaxAttemptsPerClient", "0")]
    [TestCase("LoginThrottle:Window", "00:00:00")]
    [TestCase("Pagination:CountCap", "0")]
    [TestCase("Pagination:CappedCountTtl", "-00:00:01")]
    [TestCase("Pagination:CappedCountTtl", "01:00:01")]
    [TestCase("Views:FlushInterval", "00:00:00")]
    [TestCase("Views:MaxPendingVideos", "0")]
    [TestCase("Sessions:ValidityCacheTtl", "02:00:00")]
    [TestCase("Database:MaxAutoPrepare", "-1")]
    [TestCase("Database:AutoPrepareMinUsages", "0")]
    [TestCase("Database:PlanCacheMode", "sometimes")]
    [TestCase("Database:MaxPoolSize", "0")]
    [TestCase("Uploads:MaxConcurrentWrites", "0")]
    public void Invalid_settings_fail_start_up(string key, string value)
    {
        using var factory = new VideoTubeApiFactory("Host=127.0.0.1;Database=unused", Path.GetTempPath(),
            new Dictionary<string, string?> { [key] = value });

        var exception = Assert.Catch(() => _ = factory.Server);

        Assert.That(exception, Is.InstanceOf<OptionsValidationException>().Or.InnerException.InstanceOf<OptionsValidationException>());
    }
}
