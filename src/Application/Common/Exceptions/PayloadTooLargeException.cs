namespace VideoTube.Application.Common.Exceptions;

/// <summary>An uploaded file or body is larger than the limit.</summary>
public sealed class PayloadTooLargeException(string message) : AppException(message);
