namespace VideoTube.Application.Common.Exceptions;

/// <summary>A dependency (the database) cannot be reached; the same request may succeed later.</summary>
public sealed class ServiceUnavailableException(Exception? inner = null)
    : AppException("Service temporarily unavailable", inner: inner);
