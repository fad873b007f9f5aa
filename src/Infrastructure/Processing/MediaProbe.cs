using System.Globalization;
using System.Text.Json;

namespace VideoTube.Infrastructure.Processing;

/// <summary>What ffprobe says about a file the job is about to transcode.</summary>
public sealed record ProbeResult(double Duration, int Width, int Height, string VideoCodec, string? AudioCodec)
{
    public bool HasAudio => AudioCodec is not null;
}

/// <summary>The file is not a video ffmpeg can play; retrying cannot help, so the video fails with this reason.</summary>
public sealed class UnplayableVideoException(string reason) : Exception(reason);

/// <summary>Reads duration, size and codecs with ffprobe's JSON output.</summary>
public static class MediaProbe
{
    public static async Task<ProbeResult> ProbeAsync(string ffprobePath, string file, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var run = await ProcessRunner.RunAsync(ffprobePath,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file],
            timeout, onStdoutLine: null, cancellationToken);
        if (run.ExitCode != 0)
            throw new UnplayableVideoException($"The file is not a playable video (ffprobe: {ProcessRunner.Tail(run.Stderr)})");
        return Parse(run.Stdout);
    }

    public static ProbeResult Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new UnplayableVideoException("The file is not a playable video (ffprobe printed no description)");
        }
        using (document)
        {
            var root = document.RootElement;
            JsonElement? video = null;
            string? audioCodec = null;
            if (root.TryGetProperty("streams", out var streams))
            {
                foreach (var stream in streams.EnumerateArray())
                {
                    var type = Text(stream, "codec_type");
                    // A cover picture is a "video" stream of one frame; it is not what the upload is about.
                    var attachedPicture = stream.TryGetProperty("disposition", out var disposition)
                                          && disposition.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1;
                    if (type == "video" && video is null && !attachedPicture) video = stream.Clone();
                    if (type == "audio" && audioCodec is null) audioCodec = Text(stream, "codec_name") ?? "unknown";
                }
            }
            if (video is not { } v)
                throw new UnplayableVideoException("The file has no video stream");
            var width = Number(v, "width");
            var height = Number(v, "height");
            if (width <= 0 || height <= 0)
                throw new UnplayableVideoException("The video stream has no picture size");
            var duration = root.TryGetProperty("format", out var format) ? Seconds(format, "duration") : 0;
            if (duration <= 0) duration = Seconds(v, "duration");
            if (duration <= 0 || !double.IsFinite(duration))
                throw new UnplayableVideoException("The video has no duration");
            return new ProbeResult(duration, width, height, Text(v, "codec_name") ?? "unknown", audioCodec);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    private static double Seconds(JsonElement element, string name) =>
        double.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
}
