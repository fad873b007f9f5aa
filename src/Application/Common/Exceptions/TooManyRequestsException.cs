namespace VideoTube.Application.Common.Exceptions;

/// <summary>
/// The caller must wait before trying again (e.g. too many login attempts); <see cref="RetryAfter"/> says how long,
/// for the Retry-After header.
/// </summary>
public sealed class TooManyRequestsException(string message, TimeSpan? retryAfter = null) : AppException(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
