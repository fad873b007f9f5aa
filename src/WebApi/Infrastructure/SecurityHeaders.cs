using Microsoft.Net.Http.Headers;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Headers every response carries. nosniff stops a browser from reading an upload (or an error body) as HTML or
/// script; API responses are per user and some carry tokens, so no cache, shared or private, may keep them unless an
/// endpoint chose its own policy (media does).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            if (((HttpContext)state).Request.Path.StartsWithSegments("/api") && !response.Headers.ContainsKey(HeaderNames.CacheControl))
                response.Headers[HeaderNames.CacheControl] = "no-store";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
