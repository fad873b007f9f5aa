using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VideoTube.Application.Common.Exceptions;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// With <c>AuthCookies:SameSite=None</c> the browser attaches the token cookies to requests any site makes, so a
/// state-changing request authenticated by cookie must come from an allowed origin. Browsers always send Origin on
/// cross-origin POST/PUT/PATCH/DELETE, so a request without Origin or Referer is not a browser's cross-site request
/// and passes. Bearer requests carry no ambient credential and are never checked; with Lax or Strict the browser
/// itself withholds the cookies cross-site, so the check is off.
/// </summary>
public sealed class CsrfProtection(RequestDelegate next, IOptions<AuthCookieOptions> cookies, IOptions<CorsSettings> cors)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (cookies.Value.SameSite != Microsoft.AspNetCore.Http.SameSiteMode.None
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Headers.ContainsKey(HeaderNames.Authorization)
            || !(request.Cookies.ContainsKey(AuthCookies.AccessTokenCookie) || request.Cookies.ContainsKey(AuthCookies.RefreshTokenCookie))
            || OriginOf(request) is not { } origin
            || IsAllowed(origin, request))
            return next(context);
        // Thrown, not written here: the exception handler is the one place that turns a refusal into a status.
        throw new ForbiddenException(
            "Cross-site request refused: requests authenticated by cookie must come from an allowed origin");
    }

    private static string? OriginOf(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
            return origin;
        return Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            ? referer.GetLeftPart(UriPartial.Authority)
            : null;
    }

    private bool IsAllowed(string origin, HttpRequest request) =>
        cors.Value.AllowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
        || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
}
