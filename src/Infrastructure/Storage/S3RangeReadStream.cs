using Amazon.S3;
using Amazon.S3.Model;

namespace VideoTube.Infrastructure.Storage;

/// <summary>
/// A read-only, seekable view of an S3 object. Each read continues the current ranged GET, and a seek starts a new
/// one at the target offset, so serving "bytes=N-M" downloads about M-N bytes rather than the whole object. GETs are
/// capped at <see cref="ChunkSize"/> so an abandoned read (a player seeking away) does not hold a large transfer open.
/// </summary>
internal sealed class S3RangeReadStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    internal const long ChunkSize = 16 * 1024 * 1024;

    private GetObjectResponse? _response;
    private Stream? _body;
    private long _bodyEnd;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != _position)
            CloseBody();
        _position = target;
        return target;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
            return 0;
        if (_body is null || _position >= _bodyEnd)
            await OpenBodyAsync(cancellationToken);
        var wanted = (int)Math.Min(buffer.Length, _bodyEnd - _position);
        var read = await _body!.ReadAsync(buffer[..wanted], cancellationToken);
        if (read == 0)
            throw new IOException($"The object '{key}' ended before its stated length");
        _position += read;
        return read;
    }

    private async Task OpenBodyAsync(CancellationToken cancellationToken)
    {
        CloseBody();
        var end = Math.Min(_position + ChunkSize, length);
        _response = await client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ByteRange = new ByteRange(_position, end - 1),
        }, cancellationToken);
        _body = _response.ResponseStream;
        _bodyEnd = end;
    }

    private void CloseBody()
    {
        _body?.Dispose();
        _response?.Dispose();
        _body = null;
        _response = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            CloseBody();
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
