using VideoTube.Application.Common.Models;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>The chai-backend envelopes as HTTP results; the only place responses are shaped.</summary>
public static class Envelope
{
    public static IResult Ok<T>(T data, string message) => Json(StatusCodes.Status200OK, data, message);

    public static IResult Created<T>(T data, string message) => Json(StatusCodes.Status201Created, data, message);

    public static IResult Ok(string message) => Json(StatusCodes.Status200OK, Empty.Value, message);

    public static IResult Json<T>(int statusCode, T data, string message) =>
        TypedResults.Json(new ApiResponse<T>(statusCode, data, message), statusCode: statusCode);

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message,
        IReadOnlyList<string>? errors = null)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ApiError(statusCode, message, errors ?? []));
    }
}
