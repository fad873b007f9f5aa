namespace VideoTube.Application.Common.Exceptions;

/// <summary>The request's input breaks a rule; <see cref="AppException.Errors"/> lists each broken rule.</summary>
public sealed class ValidationException(string message, IReadOnlyList<string>? errors = null) : AppException(message, errors);
