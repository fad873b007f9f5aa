using System.Diagnostics;
using Serilog.Context;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-ID</c> when it is sane, else the trace id),
/// echoes it in the response and attaches it to every log event of the request. The header is written when the
/// response starts, because the exception handler clears the headers of a failed request before writing its error.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? incoming
            : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
            await next(context);
    }
}
