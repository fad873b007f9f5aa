namespace VideoTube.Application.Common.Exceptions;

/// <summary>The bytes received do not match the checksum the client sent with them (tus Checksum extension).</summary>
public sealed class ChecksumMismatchException(string message) : AppException(message);
