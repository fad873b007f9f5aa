namespace VideoTube.Application.Common.Exceptions;

/// <summary>The change would break a uniqueness rule (an email or username already taken, a duplicate row).</summary>
public sealed class ConflictException(string message) : AppException(message);
