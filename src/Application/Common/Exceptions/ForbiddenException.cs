namespace VideoTube.Application.Common.Exceptions;

/// <summary>The resource exists and the caller may see it, but may not change it.</summary>
public sealed class ForbiddenException(string message = "You are not allowed to change this resource") : AppException(message);
