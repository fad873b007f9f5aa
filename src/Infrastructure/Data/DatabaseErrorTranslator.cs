using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Infrastructure.Data;

/// <summary>
/// The one place that reads PostgreSQL's error codes. SaveChanges (<see cref="ApplicationDbContext"/>), the query
/// implementations, the start-up migrator and the WebApi exception handler all ask here, so each code means the same thing everywhere.
/// </summary>
public sealed class DatabaseErrorTranslator : IDatabaseErrorTranslator
{
    public AppException? Translate(Exception exception) => ToAppException(exception);

    public static AppException? ToAppException(Exception exception)
    {
        if (exception is AppException or OperationCanceledException)
            return null;
        // EF Core raises this when an UPDATE or DELETE it generated matched no row. The only concurrency tokens are
        // the primary keys, so the row was deleted by a concurrent request: the caller's target is gone (ADR-012).
        if (exception is DbUpdateConcurrencyException)
            return new NotFoundException("The resource no longer exists");
        if (IsUniqueViolation(exception))
            return new ConflictException("Resource already exists");
        if (IsForeignKeyViolation(exception))
            return new NotFoundException("A referenced resource does not exist");
        // Class 22 is "data exception" (NUL bytes, values too long, out of range): bad input that validation let through.
        if (FindPostgresError(exception)?.SqlState.StartsWith("22", StringComparison.Ordinal) == true)
            return new ValidationException("Invalid value in request");
        // A deadlock victim (e.g. a like racing an operator's delete of the video's owner) was rolled back whole and
        // may be retried, like any other momentary unavailability.
        if (IsUnavailable(exception) || IsRetryableConflict(exception))
            return new ServiceUnavailableException(exception);
        return null;
    }

    public static bool IsUniqueViolation(Exception exception) =>
        FindPostgresError(exception)?.SqlState == PostgresErrorCodes.UniqueViolation;

    public static bool IsForeignKeyViolation(Exception exception) =>
        FindPostgresError(exception)?.SqlState == PostgresErrorCodes.ForeignKeyViolation;

    /// <summary>
    /// A serialization failure or a deadlock: the transaction lost a race with another and may simply be run again.
    /// </summary>
    public static bool IsRetryableConflict(Exception exception) =>
        FindPostgresError(exception)?.SqlState is PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected;

    /// <summary>Another process created the same database, table or row first (a start-up race, not a failure).</summary>
    public static bool IsAlreadyCreated(Exception exception) =>
        FindPostgresError(exception)?.SqlState is PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateDatabase;

    private static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or TimeoutException
                || current is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow })
                return true;
            if (current is NpgsqlException && current.InnerException is SocketException or IOException)
                return true;
        }
        return false;
    }

    private static PostgresException? FindPostgresError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
            if (current is PostgresException postgres)
                return postgres;
        return null;
    }
}
