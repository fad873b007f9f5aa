namespace VideoTube.Application.Common.Media;

/// <summary>An uploaded file as use cases see it, independent of ASP.NET's IFormFile.</summary>
public sealed record FileUpload(string FieldName, string FileName, string ContentType, long Length, Func<Stream> OpenReadStream);
