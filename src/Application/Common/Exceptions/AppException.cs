namespace VideoTube.Application.Common.Exceptions;

/// <summary>
/// An expected failure with the HTTP status and message the client should see. The single exception handler in
/// WebApi turns it into the chai-backend error envelope; anything else becomes a 500 without details.
/// </summary>
public class AppException(int statusCode, string message, IReadOnlyList<string>? errors = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public IReadOnlyList<string> Errors { get; } = errors ?? [];
}

public sealed class BadRequestException(string message, IReadOnlyList<string>? errors = null)
    : AppException(400, message, errors);

public sealed class UnauthorizedException(string message) : AppException(401, message);

public sealed class ForbiddenException(string message = "You are not allowed to change this resource")
    : AppException(403, message);

public sealed class NotFoundException(string message) : AppException(404, message);

public sealed class ConflictException(string message) : AppException(409, message);

public sealed class GoneException(string message) : AppException(410, message);

public sealed class PayloadTooLargeException(string message) : AppException(413, message);

public sealed class UnsupportedMediaTypeException(string message) : AppException(415, message);

public sealed class TooManyRequestsException(string message) : AppException(429, message);

/// <summary>tus Checksum extension: the bytes received do not match the Upload-Checksum header (status 460).</summary>
public sealed class ChecksumMismatchException(string message) : AppException(460, message);
