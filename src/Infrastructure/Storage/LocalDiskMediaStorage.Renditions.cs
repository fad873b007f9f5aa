using VideoTube.Application.Common.Media;

namespace VideoTube.Infrastructure.Storage;

public sealed partial class LocalDiskMediaStorage : IRenditionStorage
{
    public async Task<StoredMedia> SaveAtAsync(string key, Stream content, string contentType,
        CancellationToken cancellationToken)
    {
        var length = await WriteAsync(PathOf(key), content, cancellationToken);
        return new StoredMedia(key, length);
    }

    /// <summary>Writes to a temporary file renamed into place when complete: a reader never sees half a file.</summary>
    private static async Task<long> WriteAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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
            return length;
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
}
