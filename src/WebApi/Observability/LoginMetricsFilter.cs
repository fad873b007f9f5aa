using VideoTube.Application.Common.Exceptions;

namespace VideoTube.WebApi.Observability;

/// <summary>Counts login outcomes around the login route, so the use case stays free of metrics.</summary>
public sealed class LoginMetricsFilter(VideoTubeMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            var result = await next(context);
            metrics.Login("success");
            return result;
        }
        catch (TooManyRequestsException)
        {
            metrics.Login("locked");
            throw;
        }
        // Unavailable storage or database says nothing about the credentials; those failures are not counted.
        catch (AppException exception) when (exception is not ServiceUnavailableException)
        {
            metrics.Login("rejected");
            throw;
        }
    }
}
