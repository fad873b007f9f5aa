using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/> for one client.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    internal bool IsValid => PermitLimit > 0 && Window >= TimeSpan.FromSeconds(1) && Window <= TimeSpan.FromDays(1);
}

/// <summary>Configuration section <c>RateLimiting</c>: fixed-window limits per client, counted by each instance.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Login, register and refresh, counted per client IP: the credential-guessing surface.</summary>
    public RateLimitRule Auth { get; set; } = new() { PermitLimit = 10 };

    /// <summary>Multipart and tus bodies: each one may hold a worker and storage for a long time.</summary>
    public RateLimitRule Uploads { get; set; } = new() { PermitLimit = 20 };

    /// <summary>Every other POST, PUT, PATCH and DELETE.</summary>
    public RateLimitRule Writes { get; set; } = new() { PermitLimit = 120 };

    /// <summary>GET and HEAD, media ranges included (a player seeking sends many): generous on purpose.</summary>
    public RateLimitRule Reads { get; set; } = new() { PermitLimit = 1200 };
}

/// <summary>
/// ASP.NET Core's rate limiter with one global, partitioned limiter: each request falls in one category (auth, upload,
/// write, read) and is counted against its client's bucket for that category. A category chosen from the request
/// rather than per-route metadata means routes added later are covered without anyone remembering to opt in (ADR-008).
/// </summary>
public static class RateLimiting
{
    private static readonly string[] AuthPaths =
        ["/api/v1/users/login", "/api/v1/users/register", "/api/v1/users/refresh-token"];

    public static IServiceCollection AddVideoTubeRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(o => o.Auth.IsValid && o.Uploads.IsValid && o.Writes.IsValid && o.Reads.IsValid,
                "RateLimiting: every PermitLimit must be positive and every Window between 1 second and 1 day.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!limits.Enabled || Classify(context.Request) is not { } category)
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                var rule = category switch
                {
                    "auth" => limits.Auth,
                    "upload" => limits.Uploads,
                    "write" => limits.Writes,
                    _ => limits.Reads,
                };
                // Auth routes are counted per address even for a logged-in caller: the guesses come before any login.
                var client = category == "auth" ? AddressOf(context) : ClientOf(context);
                return RateLimitPartition.GetFixedWindowLimiter($"{category}|{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = rule.PermitLimit,
                    Window = rule.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = RetryAfter.Set(context.Response, retryAfter);
                await Envelope.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests,
                    "Too many requests; try again later", [$"retry after {seconds} s"]);
            };
        });
        return services;
    }

    /// <summary>The request's category, or null for requests never limited (CORS preflights, health probes).</summary>
    internal static string? Classify(HttpRequest request)
    {
        if (HttpMethods.IsOptions(request.Method) || request.Path.StartsWithSegments("/health"))
            return null;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            return "read";
        if (HttpMethods.IsPost(request.Method) && AuthPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            return "auth";
        var type = request.ContentType ?? string.Empty;
        if (type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/offset+octet-stream", StringComparison.OrdinalIgnoreCase))
            return "upload";
        return "write";
    }

    private static string ClientOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { } userId
            ? $"user:{userId}"
            : AddressOf(context);

    /// <summary>The peer address, already rewritten from X-Forwarded-For when it came through a trusted proxy.</summary>
    private static string AddressOf(HttpContext context) => $"ip:{context.Connection.RemoteIpAddress}";
}
