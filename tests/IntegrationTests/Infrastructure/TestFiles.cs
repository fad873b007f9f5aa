namespace VideoTube.IntegrationTests.Infrastructure;

public static class TestFiles
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Bytes that start like a PNG; the API identifies images by signature, not by decoding them.</summary>
    public static byte[] Png(int size = 512)
    {
        var bytes = new byte[Math.Max(size, PngSignature.Length)];
        PngSignature.CopyTo(bytes, 0);
        new Random(size).NextBytes(bytes.AsSpan(PngSignature.Length));
        return bytes;
    }
}
