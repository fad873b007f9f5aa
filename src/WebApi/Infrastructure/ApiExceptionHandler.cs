using Microsoft.AspNetCore.Diagnostics;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Every exception becomes the JSON error envelope here, in one place. chai-backend sent HTML with a stack trace
/// (quirk 2); clients only ever see a status and a message. Application exceptions name what went wrong and this
/// handler alone picks the status; raw database failures go through the one translator in Infrastructure first.
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger, IDatabaseErrorTranslator databaseErrors)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
            return false;
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = 499;
            return true;
        }

        var (status, message, errors) = Describe(exception);
        if (status >= 500)
            logger.LogError(exception, "Request failed with {StatusCode}", status);
        else
            logger.LogInformation("Request rejected with {StatusCode}: {Message}", status, message);

        if (exception is TooManyRequestsException { RetryAfter: { } retryAfter })
            RetryAfter.Set(context.Response, retryAfter);
        await Envelope.WriteErrorAsync(context, status, message, errors);
        return true;
    }

    private (int Status, string Message, IReadOnlyList<string> Errors) Describe(Exception exception) =>
        (exception as AppException ?? databaseErrors.Translate(exception)) switch
        {
            { } app => (StatusOf(app), app.Message, app.Errors),
            _ => exception switch
            {
                BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                    (413, "Request body too large", []),
                BadHttpRequestException bad => (bad.StatusCode, "Invalid request", [bad.Message]),
                InvalidDataException data when data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                    (413, "Request body too large", []),
                InvalidDataException => (400, "Malformed multipart body", []),
                // The client is still there (that case is answered above), so a timeout cancelled the work.
                OperationCanceledException => (503, "Service temporarily unavailable", []),
                _ => (500, "Something went wrong", []),
            },
        };

    /// <summary>The one mapping from what went wrong to the HTTP status that says it.</summary>
    private static int StatusOf(AppException exception) => exception switch
    {
        ValidationException => StatusCodes.Status400BadRequest,
        UnauthorizedException => StatusCodes.Status401Unauthorized,
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        GoneException => StatusCodes.Status410Gone,
        PayloadTooLargeException => StatusCodes.Status413PayloadTooLarge,
        UnsupportedMediaTypeException => StatusCodes.Status415UnsupportedMediaType,
        TooManyRequestsException => StatusCodes.Status429TooManyRequests,
        ChecksumMismatchException => TusProtocol.ChecksumMismatchStatus,
        ServiceUnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
