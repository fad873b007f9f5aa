namespace VideoTube.Infrastructure.Storage;

/// <summary>Key scheme shared by the storage adapters; the API serves every object under <see cref="RoutePrefix"/>.</summary>
public static class MediaKeys
{
    public const string RoutePrefix = "/media/";

    /// <summary>Server-chosen names (never the client's file name), so uploads cannot collide or traverse paths.</summary>
    public static string NewKey(string folder, string extension) =>
        $"{folder}/{DateTime.UtcNow:yyyy/MM}/{Guid.CreateVersion7():N}{extension}";


    /// <summary>Keys are relative paths of safe segments: no "..", no rooted paths, no backslashes.</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 512 && !key.StartsWith('/') && !key.Contains('\\')
        && key.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != ".."
                                         && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'));

    public static string ContentTypeFor(string key) => Path.GetExtension(key).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".mp4" => "video/mp4",
        ".webm" => "video/webm",
        ".mov" => "video/quicktime",
        ".mkv" => "video/x-matroska",
        ".m3u8" => "application/vnd.apple.mpegurl",
        ".ts" => "video/mp2t",
        ".m4s" => "video/iso.segment",
        _ => "application/octet-stream",
    };
}
