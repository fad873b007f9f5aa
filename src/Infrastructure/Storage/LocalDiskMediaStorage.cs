using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;

namespace VideoTube.Infrastructure.Storage;

/// <summary>
/// Stores media under <c>Storage:Local:RootPath</c>. Writes go to a temporary file that is renamed into place only
/// when complete, so a failed or aborted upload never leaves a partial object behind.
/// </summary>
public sealed partial class LocalDiskMediaStorage(IOptions<StorageOptions> options, IHostEnvironment environment)
    : IMediaStorage, IMediaLocator
{
    // A relative root is relative to the app's content root, not to whatever directory the process started in.
    private string Root => Path.GetFullPath(options.Value.Local.RootPath, environment.ContentRootPath);

    public async Task<StoredMedia> SaveAsync(Stream content, string folder, string extension, string contentType,
        CancellationToken cancellationToken)
    {
        var key = MediaKeys.NewKey(folder, extension);
        var length = await WriteAsync(PathOf(key), content, cancellationToken);
        return new StoredMedia(key, length);
    }

    public async Task<StoredMedia> ConcatenateAsync(IReadOnlyList<string> keys, string folder, string extension,
        string contentType, CancellationToken cancellationToken)
    {
        if (keys.Count != 1)
        {
            await using var joined = new ConcatenatedReadStream(this, keys);
            return await SaveAsync(joined, folder, extension, contentType, cancellationToken);
        }
        // One part (the usual case: a client sends the whole file in one PATCH) becomes the object by a rename,
        // not a second copy of a file that may be gigabytes.
        if (!MediaKeys.IsValidKey(keys[0]) || !File.Exists(PathOf(keys[0])))
            throw new InvalidOperationException($"Upload part {keys[0]} is missing from storage");
        var key = MediaKeys.NewKey(folder, extension);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(PathOf(keys[0]), path);
        return new StoredMedia(key, new FileInfo(path).Length);
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

    public string? DirectUrl(string key) => null;

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
