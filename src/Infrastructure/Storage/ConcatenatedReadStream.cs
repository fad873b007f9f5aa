using VideoTube.Application.Common.Media;

namespace VideoTube.Infrastructure.Storage;

/// <summary>
/// Reads several stored objects one after the other as one forward-only stream, opening each only when the previous
/// one is exhausted, so joining the parts of a large upload holds one object open and one buffer in memory.
/// </summary>
internal sealed class ConcatenatedReadStream(IMediaStorage storage, IReadOnlyList<string> keys) : Stream
{
    private int _next;
    private MediaContent? _current;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
            return 0;
        while (true)
        {
            if (_current is null)
            {
                if (_next == keys.Count)
                    return 0;
                var key = keys[_next++];
                _current = await storage.OpenReadAsync(key, cancellationToken)
                           ?? throw new InvalidOperationException($"Upload part {key} is missing from storage");
            }
            var read = await _current.Content.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                _position += read;
                return read;
            }
            await _current.DisposeAsync();
            _current = null;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null)
            await _current.DisposeAsync();
        _current = null;
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _current?.Content.Dispose();
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
