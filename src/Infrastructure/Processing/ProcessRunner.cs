using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace VideoTube.Infrastructure.Processing;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs ffmpeg and ffprobe: arguments passed verbatim (no shell), killed on cancellation or timeout.</summary>
public static class ProcessRunner
{
    /// <summary>stderr kept for error messages; ffmpeg can print a lot, only the end says what went wrong.</summary>
    private const int MaxStderrChars = 16 * 1024;

    public static async Task<ProcessResult> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout,
        Action<string>? onStdoutLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{executable} is not available: {exception.Message}", exception);
        }
        using (process)
        {
            try
            {
                var stdout = new StringBuilder();
                var stderr = new StringBuilder();
                var readOut = Task.Run(async () =>
                {
                    while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
                    {
                        if (onStdoutLine is null) stdout.AppendLine(line);
                        else onStdoutLine(line);
                    }
                }, limit.Token);
                var readErr = Task.Run(async () =>
                {
                    while (await process.StandardError.ReadLineAsync(limit.Token) is { } line)
                    {
                        stderr.AppendLine(line);
                        if (stderr.Length > MaxStderrChars) stderr.Remove(0, stderr.Length - MaxStderrChars);
                    }
                }, limit.Token);
                await process.WaitForExitAsync(limit.Token);
                await Task.WhenAll(readOut, readErr);
                return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{System.IO.Path.GetFileName(executable)} ran longer than {timeout}");
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    // Its open files must be closed before the job deletes its temp folder.
                    process.WaitForExit(TimeSpan.FromSeconds(10));
                }
            }
        }
    }

    public static string Tail(string text, int max = 300)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : "..." + trimmed[^max..];
    }
}
