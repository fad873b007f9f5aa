using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;
using VideoTube.Infrastructure.Storage;

namespace VideoTube.Infrastructure.Media;

/// <summary>
/// Reads durations with ffprobe. A missing ffprobe, a failure or a timeout yields 0 and a warning rather than a
/// failed upload: the duration is informative, the video itself is fine.
/// </summary>
public sealed class FfprobeVideoProbe(IMediaLocator locator, IOptions<FfprobeOptions> options, ILogger<FfprobeVideoProbe> logger)
    : IVideoProbe
{
    public async Task<double> GetDurationAsync(string storageKey, CancellationToken cancellationToken)
    {
        var input = await locator.LocateAsync(storageKey, cancellationToken);
        if (input is null)
        {
            logger.LogWarning("Cannot probe {MediaKey}: the stored object was not found", storageKey);
            return 0;
        }

        var settings = options.Value;
        var start = new ProcessStartInfo(settings.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // ArgumentList passes each argument verbatim: no shell, so a key or URL cannot inject options or commands.
        foreach (var argument in new[] { "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", input })
            start.ArgumentList.Add(argument);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        Process? process = null;
        try
        {
            process = Process.Start(start);
            if (process is null)
                return Warn("ffprobe did not start", storageKey);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var text = (await output).Trim();
            if (process.ExitCode != 0)
                return Warn($"ffprobe exited with {process.ExitCode}: {Truncate(await errors)}", storageKey);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                   && double.IsFinite(seconds) && seconds >= 0
                ? seconds
                : Warn($"ffprobe printed no duration ('{Truncate(text)}')", storageKey);
        }
        catch (Win32Exception exception)
        {
            return Warn($"ffprobe is not available ({exception.Message})", storageKey);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Warn($"ffprobe timed out after {settings.Timeout}", storageKey);
        }
        finally
        {
            if (process is { HasExited: false })
                process.Kill(entireProcessTree: true);
            process?.Dispose();
        }
    }

    private double Warn(string reason, string storageKey)
    {
        logger.LogWarning("Video duration unknown for {MediaKey}: {Reason}; storing 0", storageKey, reason);
        return 0;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text.Trim() : text[..300].Trim() + "...";
}
