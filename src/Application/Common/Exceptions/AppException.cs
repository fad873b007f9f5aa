namespace VideoTube.Application.Common.Exceptions;

/// <summary>
/// An expected failure, named by what went wrong (not found, forbidden, invalid...). The message and errors are for the
/// client; which HTTP status each kind becomes is decided once, by the exception handler in WebApi. Anything that is
/// not an <see cref="AppException"/> becomes a 500 without details.
/// </summary>
public abstract class AppException(string message, IReadOnlyList<string>? errors = null, Exception? inner = null)
    : Exception(message, inner)
{
    public IReadOnlyList<string> Errors { get; } = errors ?? [];
}
