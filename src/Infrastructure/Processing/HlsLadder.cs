using System.Globalization;

namespace VideoTube.Infrastructure.Processing;

/// <summary>One HLS variant: its height and the bitrates it is encoded at.</summary>
public sealed record Rendition(int Height, int VideoKbps, int AudioKbps)
{
    public string Name => $"{Height}p";
}

/// <summary>
/// Chooses the renditions of a video and builds the single ffmpeg command that encodes them all from one decode:
/// H.264 + AAC, keyframes forced on segment boundaries so every variant switches cleanly, one master playlist.
/// </summary>
public static class HlsLadder
{
    public const string MasterPlaylist = "master.m3u8";
    public const string VariantPlaylist = "index.m3u8";

    /// <summary>
    /// The configured heights not above the source's; a source smaller than the top rung also keeps its own height,
    /// so a 360p upload is not served at 240p at best. Upscaling never happens.
    /// </summary>
    public static IReadOnlyList<Rendition> For(int sourceHeight, IReadOnlyList<int> ladder)
    {
        var heights = ladder.Where(h => h <= sourceHeight).ToHashSet();
        var own = sourceHeight - sourceHeight % 2;
        if (own >= 2 && own < ladder.Max() && !heights.Contains(own))
            heights.Add(own);
        return heights.Order().Select(h => new Rendition(h, VideoKbps(h), h <= 360 ? 64 : 128)).ToList();
    }

    private static int VideoKbps(int height) => height switch
    {
        <= 240 => 400,
        <= 360 => 800,
        <= 480 => 1400,
        <= 720 => 2800,
        <= 1080 => 5000,
        _ => 8000,
    };

    /// <summary>ffmpeg arguments; outputs go to <c>{outputDir}/{name}/index.m3u8</c> and segments beside them.</summary>
    public static IReadOnlyList<string> Arguments(string input, string outputDir, IReadOnlyList<Rendition> renditions,
        bool hasAudio, FfmpegOptions options)
    {
        var n = renditions.Count;
        var args = new List<string> { "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-i", input };
        // One decode, split into every size: cheaper than one ffmpeg per rendition.
        var split = n == 1 ? "[0:v:0]null[s0]" : $"[0:v:0]split={n}{string.Concat(Enumerable.Range(0, n).Select(i => $"[s{i}]"))}";
        var scales = renditions.Select((r, i) => $"[s{i}]scale=-2:{r.Height},setsar=1,format=yuv420p[v{i}]");
        args.AddRange(["-filter_complex", string.Join(';', new[] { split }.Concat(scales))]);
        var seconds = options.SegmentSeconds.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < n; i++)
        {
            var r = renditions[i];
            args.AddRange(["-map", $"[v{i}]"]);
            args.AddRange([$"-c:v:{i}", "libx264", $"-b:v:{i}", $"{r.VideoKbps}k", $"-maxrate:v:{i}", $"{r.VideoKbps * 107 / 100}k",
                $"-bufsize:v:{i}", $"{r.VideoKbps * 3 / 2}k"]);
        }
        if (hasAudio)
        {
            for (var i = 0; i < n; i++)
            {
                args.AddRange(["-map", "0:a:0"]);
                args.AddRange([$"-c:a:{i}", "aac", $"-b:a:{i}", $"{renditions[i].AudioKbps}k", $"-ac:a:{i}", "2"]);
            }
        }
        args.AddRange(["-preset", options.Preset, "-profile:v", "high", "-sc_threshold", "0",
            "-force_key_frames", $"expr:gte(t,n_forced*{seconds})"]);
        if (options.Threads > 0)
            args.AddRange(["-threads", options.Threads.ToString(CultureInfo.InvariantCulture)]);
        var streamMap = string.Join(' ', renditions.Select((r, i) => hasAudio ? $"v:{i},a:{i},name:{r.Name}" : $"v:{i},name:{r.Name}"));
        args.AddRange(["-f", "hls", "-hls_time", seconds, "-hls_playlist_type", "vod", "-hls_flags", "independent_segments",
            "-hls_segment_type", "mpegts", "-hls_segment_filename", Path.Combine(outputDir, "%v", "seg_%05d.ts"),
            "-master_pl_name", MasterPlaylist, "-var_stream_map", streamMap,
            "-progress", "pipe:1", "-nostats", Path.Combine(outputDir, "%v", VariantPlaylist)]);
        return args;
    }

    /// <summary>Percent done from a <c>-progress</c> line, or null for lines that say nothing about position.</summary>
    public static int? ProgressFrom(string line, double durationSeconds)
    {
        // out_time_us is microseconds; out_time_ms is too, despite its name (an old ffmpeg quirk).
        if (!line.StartsWith("out_time_us=", StringComparison.Ordinal) || durationSeconds <= 0)
            return null;
        if (!long.TryParse(line.AsSpan("out_time_us=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var us))
            return null;
        var percent = (int)Math.Floor(us / 1_000_000.0 / durationSeconds * 100);
        // 100 is written only once the renditions are stored, so "100" always means playable.
        return Math.Clamp(percent, 0, 99);
    }
}
