using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoTube.Infrastructure.Data;
using VideoTube.Domain.Entities;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Processing;

/// <summary>Hosts that run processing jobs, with ffmpeg-made sources and helpers that read renditions back.</summary>
public abstract class ProcessingTestBase : VideoTestBase
{
    /// <summary>A safety net for a hung job, not a performance assertion: a 6 s clip takes seconds.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    protected string JobTempPath { get; } = Path.Combine(Path.GetTempPath(), "videotube-tests", "jobs-" + Guid.NewGuid().ToString("N"));

    protected override IDictionary<string, string?> Settings => BaseSettings;

    /// <summary>A worker with short intervals, whatever a test class changes in its own host's settings.</summary>
    private Dictionary<string, string?> BaseSettings => new()
    {
        ["Jobs:WorkerEnabled"] = "true",
        ["Jobs:TempPath"] = JobTempPath,
        ["Jobs:RetryCount"] = "1",
        ["Jobs:RetryInitialDelay"] = "00:00:00",
        ["Jobs:ProgressInterval"] = "00:00:00.200",
        ["Jobs:ClusterCheckinInterval"] = "00:00:01",
        ["Jobs:ClusterCheckinMisfireThreshold"] = "00:00:02",
        ["Ffmpeg:Threads"] = "1",
        ["Ffmpeg:Preset"] = "ultrafast",
    };

    [OneTimeTearDown]
    public void RemoveJobTempPath()
    {
        if (Directory.Exists(JobTempPath))
            Directory.Delete(JobTempPath, recursive: true);
    }

    protected static void RequireFfmpeg()
    {
        if (!VideoFiles.IsOnPath("ffmpeg") || !VideoFiles.IsOnPath("ffprobe"))
            Assert.Ignore("ffmpeg and ffprobe are needed to process videos");
    }

    /// <summary>An H.264 + AAC MP4 of a test pattern (and a tone unless <paramref name="audio"/> is false).</summary>
    protected static async Task<byte[]> GenerateSourceAsync(int seconds = 6, string size = "640x360", bool audio = true)
    {
        var output = Path.Combine(Path.GetTempPath(), $"videotube-source-{Guid.NewGuid():N}.mp4");
        try
        {
            var args = new List<string> { "-v", "error", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size={size}:rate=25" };
            if (audio) args.AddRange(["-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}"]);
            args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
            if (audio) args.AddRange(["-c:a", "aac", "-shortest"]);
            args.AddRange(["-movflags", "+faststart", "-y", output]);
            var run = await RunAsync("ffmpeg", args);
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Waits until the job has finished with the video, and returns its row.</summary>
    protected async Task<Video> WaitForOutcomeAsync(Guid videoId, VideoTubeApiFactory? host = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            Video video;
            await using (var scope = (host ?? Factory).Services.CreateAsyncScope())
                video = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Videos.AsNoTracking()
                    .SingleAsync(v => v.Id == videoId);
            if (video.Status != VideoStatus.Processing)
                return video;
            if (stopwatch.Elapsed > GiveUpAfter)
                Assert.Fail($"Video {videoId} was still processing after {GiveUpAfter} (progress {video.Progress})");
            await Task.Delay(250);
        }
    }

    /// <summary>Where the API under test serves a stored file (the row holds only its key).</summary>
    protected static string MediaPath(string key) => new Uri(MediaUrl(key)).AbsolutePath;

    protected static string MasterPath(Video video) => MediaPath(video.HlsKey ?? throw new AssertionException("no renditions"));

    protected static Guid IdOf(System.Text.Json.Nodes.JsonNode data) => Guid.Parse(data["_id"]!.GetValue<string>());

    /// <summary>Downloads a variant playlist and its segments through /media into <paramref name="directory"/>.</summary>
    protected static async Task<string> DownloadVariantAsync(HttpClient client, string masterPath, string variantUri, string directory)
    {
        var variantPath = masterPath[..(masterPath.LastIndexOf('/') + 1)] + variantUri;
        var playlist = await client.GetStringAsync(variantPath);
        var local = Path.Combine(directory, variantUri.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.WriteAllTextAsync(local, playlist);
        var variantDir = variantPath[..(variantPath.LastIndexOf('/') + 1)];
        foreach (var segment in playlist.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var response = await client.GetAsync(variantDir + segment);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), segment);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp2t"));
            await File.WriteAllBytesAsync(Path.Combine(Path.GetDirectoryName(local)!, segment),
                await response.Content.ReadAsByteArrayAsync());
        }
        return local;
    }

    protected static async Task<double> ProbeDurationAsync(string file)
    {
        var run = await RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file]);
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        return double.Parse(run.Stdout.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes every frame; a rendition that does not decode makes ffmpeg fail.</summary>
    protected static async Task AssertDecodesAsync(string file)
    {
        var run = await RunAsync("ffmpeg", ["-v", "error", "-xerror", "-i", file, "-f", "null", "-"]);
        Assert.That(run.ExitCode, Is.Zero, $"{file} does not decode: {run.Stderr}");
    }

    protected int JobTempEntries() =>
        Directory.Exists(JobTempPath) ? Directory.GetFileSystemEntries(JobTempPath).Length : 0;

    protected static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>An executable shell script standing in for ffmpeg.</summary>
    protected static async Task<string> WriteScriptAsync(string body)
    {
        var path = Path.Combine(Path.GetTempPath(), $"videotube-fake-ffmpeg-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(path, "#!/bin/sh\n" + body);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    protected Dictionary<string, string?> WorkerSettings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(BaseSettings) { ["Jobs:WorkerEnabled"] = "true" };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        return settings;
    }

    protected VideoTubeApiFactory StartHost(IDictionary<string, string?> settings)
    {
        var host = new VideoTubeApiFactory(ConnectionString, Factory.MediaRoot, settings);
        _ = host.Server;
        return host;
    }

    protected Task<int> QueuedJobsAsync(Guid videoId) => WithDbAsync(db => db.Database
        .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM qrtz_triggers WHERE job_name = {videoId.ToString("N")}")
        .SingleAsync());

    protected static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > TimeSpan.FromMinutes(2)) Assert.Fail(failure);
            await Task.Delay(100);
        }
    }
}
