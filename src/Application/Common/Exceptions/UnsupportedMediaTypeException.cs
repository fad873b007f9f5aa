namespace VideoTube.Application.Common.Exceptions;

/// <summary>An uploaded file is not of a type the route accepts (decided from its bytes).</summary>
public sealed class UnsupportedMediaTypeException(string message) : AppException(message);
