using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;

namespace VideoTube.Infrastructure.Storage;

/// <summary>
/// Stores media under <c>Storage:Local:RootPath</c>. Writes go to a temporary file that is renamed into place only
/// when complete, so a failed or aborted upload never leaves a partial object behind.
/// </summary>
public sealed class LocalDiskMediaStorage(IOptions<StorageOptions> options, IHostEnvironment environment)
    : IMediaStorage, IMediaLocator
{
    // A relative root is relative to the app's content root, not to whatever directory the process started in.
    private string Root => Path.GetFullPath(options.Value.Local.RootPath, environment.ContentRootPath);

    public async Task<StoredMedia> SaveAsync(Stream content, string folder, string extension, string contentType,
        CancellationToken cancellationToken)
    {
        var key = MediaKeys.NewKey(folder, extension);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        try
        {
            long length;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                             bufferSize: 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                length = file.Length;
            }
            File.Move(temporary, path);
            return new StoredMedia(key, MediaKeys.Url(options.Value, key), length);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (MediaKeys.IsValidKey(key))
            File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task<MediaContent?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!MediaKeys.IsValidKey(key) || key.EndsWith(".partial", StringComparison.Ordinal))
            return Task.FromResult<MediaContent?>(null);
        var path = PathOf(key);
        if (!File.Exists(path))
            return Task.FromResult<MediaContent?>(null);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
        return Task.FromResult<MediaContent?>(new MediaContent(stream, MediaKeys.ContentTypeFor(key), stream.Length,
            new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero)));
    }

    public string? KeyFromUrl(string url) => MediaKeys.KeyFromUrl(options.Value, url);

    public Task<string?> LocateAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(MediaKeys.IsValidKey(key) && File.Exists(PathOf(key)) ? PathOf(key) : null);

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Invalid media key", nameof(key));
        return path;
    }
}
