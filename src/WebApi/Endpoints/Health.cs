using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/healthcheck, plus liveness and readiness probes for operators.</summary>
public sealed class Health : IEndpointGroup
{
    public static string Prefix => "";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/api/v1/healthcheck", () => Envelope.Ok(new HealthStatus("OK"), "OK")).WithSummary("API is up")
            .WithName("healthcheck").Returns<HealthStatus>();

        // Liveness runs no checks: the process answering is the signal; a database outage must not restart it.
        group.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        group.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteAsync,
        });
    }

    private sealed record HealthStatus(string Status);

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
