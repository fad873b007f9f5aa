using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Media;
using VideoTube.Infrastructure.Storage;

namespace VideoTube.Infrastructure.Processing;

/// <summary>One video to process: its original's storage key and a private temp folder the job removes.</summary>
public sealed record VideoWork(Guid VideoId, string OriginalKey, bool NeedsThumbnail, string WorkDir);

/// <summary>
/// The steps of processing, in order. The original is copied to local disk first (through the storage port, so
/// local and S3 stores behave alike): ffmpeg then reads a seekable file, not a URL that may expire mid-transcode.
/// </summary>
public sealed class VideoTranscodePipeline(
    IMediaStorage storage, IRenditionStorage renditions, IOptions<FfmpegOptions> ffmpegOptions,
    IOptions<FfprobeOptions> ffprobeOptions, IOptions<JobsOptions> jobsOptions, TimeProvider clock,
    ILogger<VideoTranscodePipeline> logger)
{
    public async Task RunAsync(VideoWork work, ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var ffmpeg = ffmpegOptions.Value;
        var stages = new StageTimes();
        var original = await DownloadAsync(work, cancellationToken);
        stages.End("download");
        var probe = await MediaProbe.ProbeAsync(ffprobeOptions.Value.Path, original, ffprobeOptions.Value.Timeout,
            cancellationToken);
        stages.End("probe");
        logger.LogInformation("Video {VideoId}: {Width}x{Height} {Codec}, {Duration:F1} s, audio {Audio}",
            work.VideoId, probe.Width, probe.Height, probe.VideoCodec, probe.Duration, probe.AudioCodec ?? "none");

        if (work.NeedsThumbnail)
        {
            await MakeThumbnailAsync(work, original, probe, db, cancellationToken);
            stages.End("thumbnail");
        }

        var ladder = HlsLadder.For(probe.Height, ffmpeg.EffectiveLadder);
        var outputDir = Path.Combine(work.WorkDir, "hls");
        Directory.CreateDirectory(outputDir);
        await TranscodeAsync(work, original, outputDir, ladder, probe, db, cancellationToken);
        stages.End("transcode");

        var prefix = VideoMedia.HlsPrefix(work.VideoId);
        var masterKey = await UploadAsync(outputDir, prefix, cancellationToken);
        stages.End("store");
        var updated = await VideoRowUpdates.ReadyAsync(db, work.VideoId, probe, masterKey, cancellationToken);
        stages.End("ready");
        // Where a job's time goes, so a slow pipeline can be told apart from a slow ffmpeg (bench/transcode.sh).
        logger.LogInformation("Video {VideoId}: processed {Duration:F1} s of video in {Total:F2} s ({Stages})",
            work.VideoId, probe.Duration, stages.Total.TotalSeconds, stages);
        if (updated == 0)
        {
            // The video was deleted while it was transcoding: nothing references these files any more.
            await renditions.DeletePrefixAsync(prefix, CancellationToken.None);
        }
    }

    /// <summary>Wall-clock seconds per stage, in the order they ran.</summary>
    private sealed class StageTimes
    {
        private readonly long _start = Stopwatch.GetTimestamp();
        private readonly List<(string Stage, TimeSpan Took)> _stages = [];
        private long _last;

        public StageTimes() => _last = _start;

        public TimeSpan Total => Stopwatch.GetElapsedTime(_start);

        public void End(string stage)
        {
            var now = Stopwatch.GetTimestamp();
            _stages.Add((stage, Stopwatch.GetElapsedTime(_last, now)));
            _last = now;
        }

        public override string ToString() => string.Join(", ",
            _stages.Select(s => $"{s.Stage} {s.Took.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s"));
    }

    private async Task<string> DownloadAsync(VideoWork work, CancellationToken cancellationToken)
    {
        await using var media = await storage.OpenReadAsync(work.OriginalKey, cancellationToken)
                                ?? throw new UnplayableVideoException("The uploaded file is missing from storage");
        var path = Path.Combine(work.WorkDir, "original" + Path.GetExtension(work.OriginalKey));
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await media.Content.CopyToAsync(file, cancellationToken);
        return path;
    }

    private async Task MakeThumbnailAsync(VideoWork work, string original, ProbeResult probe, ApplicationDbContext db,
        CancellationToken cancellationToken)
    {
        var ffmpeg = ffmpegOptions.Value;
        var output = Path.Combine(work.WorkDir, "thumbnail.jpg");
        // A frame a little way in: the very first one is often black.
        var at = Math.Min(2.0, probe.Duration / 3).ToString("0.###", CultureInfo.InvariantCulture);
        var run = await ProcessRunner.RunAsync(ffmpeg.Path,
            ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-ss", at, "-i", original, "-frames:v", "1",
                "-vf", "scale=-2:'min(720,ih)'", "-q:v", "3", output],
            ffmpeg.Timeout, onStdoutLine: null, cancellationToken);
        if (run.ExitCode != 0 || !File.Exists(output))
            throw new InvalidOperationException($"ffmpeg could not extract a thumbnail: {ProcessRunner.Tail(run.Stderr)}");
        StoredMedia stored;
        await using (var file = File.OpenRead(output))
            stored = await storage.SaveAsync(file, VideoMedia.ThumbnailFolder, ".jpg", "image/jpeg", cancellationToken);
        if (await VideoRowUpdates.ThumbnailAsync(db, work.VideoId, stored.Key, cancellationToken) == 0)
            await storage.DeleteAsync(stored.Key, CancellationToken.None);
    }

    private async Task TranscodeAsync(VideoWork work, string original, string outputDir, IReadOnlyList<Rendition> ladder,
        ProbeResult probe, ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var ffmpeg = ffmpegOptions.Value;
        var latest = 0;
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progressWriter = WriteProgressAsync(db, work.VideoId, () => Volatile.Read(ref latest), stopProgress.Token);
        var arguments = HlsLadder.Arguments(original, outputDir, ladder, probe.HasAudio, ffmpeg);
        // The exact command, so it can be re-run by hand (bench/transcode.sh compares the pipeline with it).
        logger.LogInformation("Video {VideoId}: transcoding with {Ffmpeg} {Arguments}", work.VideoId, ffmpeg.Path, arguments);
        ProcessResult run;
        try
        {
            run = await ProcessRunner.RunAsync(ffmpeg.Path, arguments, ffmpeg.Timeout,
                line =>
                {
                    if (HlsLadder.ProgressFrom(line, probe.Duration) is { } percent)
                        Volatile.Write(ref latest, percent);
                },
                cancellationToken);
        }
        finally
        {
            await stopProgress.CancelAsync();
            await progressWriter;
        }
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg exited with {run.ExitCode}: {ProcessRunner.Tail(run.Stderr)}");
        if (!File.Exists(Path.Combine(outputDir, HlsLadder.MasterPlaylist)))
            throw new InvalidOperationException("ffmpeg wrote no master playlist");
    }

    /// <summary>Writes the newest percentage at most once per interval, and only when it changed: a row per tick, not per frame.</summary>
    private async Task WriteProgressAsync(ApplicationDbContext db, Guid videoId, Func<int> current, CancellationToken stop)
    {
        var interval = jobsOptions.Value.ProgressInterval;
        var written = 0;
        try
        {
            using var timer = new PeriodicTimer(interval > TimeSpan.Zero ? interval : TimeSpan.FromMilliseconds(200), clock);
            while (await timer.WaitForNextTickAsync(stop))
            {
                var value = current();
                if (value == written) continue;
                await VideoRowUpdates.ProgressAsync(db, videoId, value, stop);
                written = value;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The transcode is over; its outcome, not the last percentage, is what the row gets next.
        }
    }

    /// <summary>Uploads every rendition file, the master playlist last: a master that can be read means a full set.</summary>
    private async Task<string> UploadAsync(string outputDir, string prefix, CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(outputDir, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(outputDir, path).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(relative => relative == HlsLadder.MasterPlaylist)
            .ThenBy(relative => relative, StringComparer.Ordinal);
        string? masterKey = null;
        foreach (var relative in files)
        {
            var key = $"{prefix}/{relative}";
            await using var file = File.OpenRead(Path.Combine(outputDir, relative));
            await renditions.SaveAtAsync(key, file, MediaKeys.ContentTypeFor(key), cancellationToken);
            if (relative == HlsLadder.MasterPlaylist) masterKey = key;
        }
        return masterKey ?? throw new InvalidOperationException("No master playlist to upload");
    }
}
