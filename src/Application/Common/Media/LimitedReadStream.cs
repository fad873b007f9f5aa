using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Common.Media;

/// <summary>
/// A forward-only view of an upload that first replays bytes already read (a sniffed header) and then enforces a size
/// limit while the rest streams through, so an oversized upload fails part-way instead of filling the disk.
/// </summary>
public sealed class LimitedReadStream(Stream inner, long maxBytes, string fieldName, ReadOnlyMemory<byte> prefix = default)
    : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;
    private long _total;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = TakePrefix(buffer);
        if (read == 0)
            read = inner.Read(buffer[..Allowed(buffer.Length)]);
        return Count(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = TakePrefix(buffer.Span);
        if (read == 0)
            read = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken);
        return Count(read);
    }

    private int TakePrefix(Span<byte> buffer)
    {
        var take = Math.Min(_prefix.Length, Allowed(buffer.Length));
        _prefix.Span[..take].CopyTo(buffer);
        _prefix = _prefix[take..];
        return take;
    }

    /// <summary>Never asks for more than one byte past the limit: that byte is enough to know the limit was crossed.</summary>
    private int Allowed(int requested) => (int)Math.Min(requested, Math.Max(0, maxBytes + 1 - _total));

    private int Count(int read)
    {
        _total += read;
        if (_total > maxBytes)
            throw new PayloadTooLargeException($"{fieldName} must be at most {Describe(maxBytes)}");
        return read;
    }

    public static string Describe(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? $"{bytes / 1024 / 1024} MiB"
        : bytes >= 1024 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
