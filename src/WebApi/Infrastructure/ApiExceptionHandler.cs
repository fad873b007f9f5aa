using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VideoTube.Application.Common.Exceptions;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Every exception becomes the JSON error envelope here, in one place. chai-backend sent HTML with a stack trace
/// (quirk 2); clients only ever see a status and a message.
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
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

        await Envelope.WriteErrorAsync(context, status, message, errors);
        return true;
    }

    private static (int Status, string Message, IReadOnlyList<string> Errors) Describe(Exception exception) => exception switch
    {
        AppException app => (app.StatusCode, app.Message, app.Errors),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (413, "Request body too large", []),
        BadHttpRequestException bad => (bad.StatusCode, "Invalid request", [bad.Message]),
        InvalidDataException data when data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
            (413, "Request body too large", []),
        InvalidDataException => (400, "Malformed multipart body", []),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            (409, "Resource already exists", []),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
            (404, "A referenced resource does not exist", []),
        // Class 22 is "data exception" (NUL bytes, values too long, out of range): bad input that validation let through.
        _ when FindPostgresError(exception) is { SqlState: var state } && state.StartsWith("22", StringComparison.Ordinal) =>
            (400, "Invalid value in request", []),
        _ when IsDatabaseUnavailable(exception) => (503, "Service temporarily unavailable", []),
        // The client is still there (that case is answered above), so a timeout cancelled the work.
        OperationCanceledException => (503, "Service temporarily unavailable", []),
        _ => (500, "Something went wrong", []),
    };

    private static PostgresException? FindPostgresError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
            if (current is PostgresException postgres)
                return postgres;
        return null;
    }

    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or TimeoutException
                || current is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow })
                return true;
            if (current is NpgsqlException && current.InnerException is System.Net.Sockets.SocketException or IOException)
                return true;
        }
        return false;
    }
}
