namespace VideoTube.Application.Common.Exceptions;

/// <summary>The caller must wait before trying again (e.g. an account locked after failed logins).</summary>
public sealed class TooManyRequestsException(string message) : AppException(message);
