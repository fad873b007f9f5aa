using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// The one way a 429 says how long to wait, whether the rate limiter or the login throttle refused: whole seconds,
/// rounded up and never 0, so a client that honours it does not retry into the same refusal.
/// </summary>
internal static class RetryAfter
{
    public static string Set(HttpResponse response, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers[HeaderNames.RetryAfter] = seconds;
        return seconds;
    }
}
