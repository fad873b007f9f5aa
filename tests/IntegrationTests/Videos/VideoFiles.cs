using System.Diagnostics;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>Video bytes for upload tests: a real MP4 made by ffmpeg when it is installed, else a bare ftyp header.</summary>
public static class VideoFiles
{
    /// <summary>Starts like an MP4 (size, "ftyp", brand "isom"); the API recognises videos by these bytes.</summary>
    public static byte[] FakeMp4(int size = 4096, string brand = "isom")
    {
        var bytes = new byte[Math.Max(size, 16)];
        new Random(size).NextBytes(bytes);
        byte[] header = [0, 0, 0, 0x18, .."ftyp"u8, ..System.Text.Encoding.ASCII.GetBytes(brand), 0, 0, 2, 0];
        header.CopyTo(bytes, 0);
        return bytes;
    }

    public static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
        .Any(directory => File.Exists(Path.Combine(directory, tool)));

    /// <summary>A playable MP4 of the given length made by ffmpeg, or null when ffmpeg is not installed.</summary>
    /// <param name="noise">Grain on every frame, so the file is large (megabytes per second) rather than a few KiB.</param>
    public static async Task<byte[]?> GenerateMp4Async(int seconds = 2, string size = "64x48", bool noise = false)
    {
        if (!IsOnPath("ffmpeg"))
            return null;
        var output = Path.Combine(Path.GetTempPath(), $"videotube-test-{Guid.NewGuid():N}.mp4");
        try
        {
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            string[] grain = noise ? ["-vf", "noise=alls=80:allf=t", "-q:v", "1"] : [];
            string[] arguments = ["-v", "error", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size={size}:rate={(noise ? 25 : 5)}",
                "-c:v", "mpeg4", .. grain, "-movflags", "+faststart", "-y", output];
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, $"ffmpeg failed: {errors}");
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
