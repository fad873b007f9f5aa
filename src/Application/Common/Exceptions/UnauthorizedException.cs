namespace VideoTube.Application.Common.Exceptions;

/// <summary>The caller is not (or no longer) authenticated, or the credentials are wrong.</summary>
public sealed class UnauthorizedException(string message) : AppException(message);
