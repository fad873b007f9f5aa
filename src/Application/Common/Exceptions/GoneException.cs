namespace VideoTube.Application.Common.Exceptions;

/// <summary>The resource existed but is gone for good (a resumable upload that expired or was finished).</summary>
public sealed class GoneException(string message) : AppException(message);
