using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos;

namespace VideoTube.UnitTests;

public sealed class VideoUploadTests
{
    private static byte[] Header(params byte[][] parts) => parts.SelectMany(p => p).Concat(new byte[32]).ToArray();

    [Test]
    public void Containers_are_recognised_by_their_first_bytes()
    {
        byte[] size = [0, 0, 0, 0x20];
        byte[] ebml = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84];
        Assert.Multiple(() =>
        {
            Assert.That(VideoUploads.Detect(Header(size, "ftypisom"u8.ToArray()))?.Extension, Is.EqualTo(".mp4"));
            Assert.That(VideoUploads.Detect(Header(size, "ftypmp42"u8.ToArray()))?.Extension, Is.EqualTo(".mp4"));
            Assert.That(VideoUploads.Detect(Header(size, "ftypqt  "u8.ToArray()))?.Extension, Is.EqualTo(".mov"));
            Assert.That(VideoUploads.Detect(Header(size, "moov"u8.ToArray()))?.Extension, Is.EqualTo(".mov"));
            Assert.That(VideoUploads.Detect(Header(ebml, "webm"u8.ToArray()))?.ContentType, Is.EqualTo("video/webm"));
            Assert.That(VideoUploads.Detect(Header(ebml, "matroska"u8.ToArray()))?.ContentType, Is.EqualTo("video/x-matroska"));
            Assert.That(VideoUploads.Detect(Header([0x89, 0x50, 0x4E, 0x47])), Is.Null, "a PNG is not a video");
            Assert.That(VideoUploads.Detect("ftyp"u8), Is.Null, "too short to be an MP4");
        });
    }

    [Test]
    public async Task Limited_stream_replays_the_sniffed_prefix_then_the_rest()
    {
        var inner = new MemoryStream("world"u8.ToArray());
        await using var stream = new LimitedReadStream(inner, 100, "videoFile", "hello "u8.ToArray());
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo("hello world"u8.ToArray()));
    }

    [Test]
    public void Limited_stream_fails_once_the_limit_is_crossed()
    {
        var stream = new LimitedReadStream(new MemoryStream(new byte[2048]), 1024, "videoFile", new byte[10]);
        var exception = Assert.ThrowsAsync<PayloadTooLargeException>(() => stream.CopyToAsync(Stream.Null));
        Assert.That(exception!.Message, Is.EqualTo("videoFile must be at most 1 KiB"));
    }

    [Test]
    public async Task Limited_stream_accepts_exactly_the_limit()
    {
        var stream = new LimitedReadStream(new MemoryStream(new byte[1014]), 1024, "videoFile", new byte[10]);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.Length, Is.EqualTo(1024));
    }
}
