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
        catch (AppException exception) when (exception.StatusCode < 500)
        {
            metrics.Login(exception.StatusCode == StatusCodes.Status429TooManyRequests ? "locked" : "rejected");
            throw;
        }
    }
}
