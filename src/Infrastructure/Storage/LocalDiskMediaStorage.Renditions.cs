using VideoTube.Application.Common.Media;

namespace VideoTube.Infrastructure.Storage;

public sealed partial class LocalDiskMediaStorage : IRenditionStorage
{
    public async Task<StoredMedia> SaveAtAsync(string key, Stream content, string contentType,
        CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Same write-then-rename as new uploads: a reader never sees half a segment.
        var temporary = path + ".partial";
        try
        {
            long length;
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None,
                             bufferSize: 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                length = file.Length;
            }
            File.Move(temporary, path, overwrite: true);
            return new StoredMedia(key, UrlOf(key), length);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var trimmed = prefix.TrimEnd('/');
        if (MediaKeys.IsValidKey(trimmed) && Directory.Exists(PathOf(trimmed)))
            Directory.Delete(PathOf(trimmed), recursive: true);
        return Task.CompletedTask;
    }

    public string UrlOf(string key) => MediaKeys.Url(options.Value, key);
}
