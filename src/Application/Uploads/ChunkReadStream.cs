using System.Security.Cryptography;

namespace VideoTube.Application.Uploads;

/// <summary>
/// The body of a PATCH as the upload reads it. A client that drops the connection ends the stream instead of failing
/// it, so the bytes that did arrive are stored and the client resumes from there (the point of tus). It also hashes
/// what it passes on when the client sent an Upload-Checksum.
/// </summary>
internal sealed class ChunkReadStream(Stream body, HashAlgorithmName? checksum) : Stream
{
    private readonly IncrementalHash? _hash = checksum is { } algorithm ? IncrementalHash.CreateHash(algorithm) : null;

    /// <summary>True when the stream ended because the client went away, not because it finished sending.</summary>
    public bool Interrupted { get; private set; }

    public byte[]? Hash() => _hash?.GetHashAndReset();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Interrupted)
            return 0;
        int read;
        try
        {
            read = await body.ReadAsync(buffer, cancellationToken);
        }
        // Kestrel reports a dropped client as an IOException (ConnectionResetException, BadHttpRequestException) or as
        // a cancelled read; both mean "no more bytes are coming".
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            Interrupted = true;
            return 0;
        }
        _hash?.AppendData(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _hash?.Dispose();
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
