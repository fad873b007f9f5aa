namespace VideoTube.ClientTests;

/// <summary>The API these tests call: started by scripts/client-tests.sh, named by VIDEOTUBE_API_URL.</summary>
public static class ApiUnderTest
{
    public const string Variable = "VIDEOTUBE_API_URL";

    public static string BaseUrl =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
            ? url.TrimEnd('/')
            : throw new InconclusiveException($"{Variable} is not set: run these tests through scripts/client-tests.sh");
}

/// <summary>Bytes the API accepts: it identifies files by their first bytes, not by decoding them.</summary>
public static class SampleFiles
{
    public static byte[] Png() => WithHeader([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 1024);

    public static byte[] Mp4() => WithHeader([0, 0, 0, 0x18, .."ftypisom"u8, 0, 0, 2, 0], 16 * 1024);

    private static byte[] WithHeader(byte[] header, int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        header.CopyTo(bytes, 0);
        return bytes;
    }
}
