using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VideoTube.ClientTests;

/// <summary>
/// Runs the README's curl walkthrough exactly as written (the commands are read from README.md), so the first thing
/// a newcomer copies cannot drift from what the API does.
/// </summary>
public sealed partial class ReadmeWalkthroughTests
{
    [Test]
    public async Task Readme_curl_walkthrough_runs_against_the_api()
    {
        var script = ExtractWalkthrough(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md")));

        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["API"] = ApiUnderTest.BaseUrl;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var stdout = await output;

        Assert.That(process.ExitCode, Is.Zero, $"stdout:\n{stdout}\nstderr:\n{await errors}");
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Does.Contain("\"statusCode\":201"), "register answers 201");
            Assert.That(stdout, Does.Contain("My first video"), "the list shows the upload");
            Assert.That(stdout, Does.Contain("206 1024 bytes"), "the Range request is a partial answer");
        });
    }

    private static string ExtractWalkthrough(string readme)
    {
        var match = WalkthroughBlock().Match(readme);
        Assert.That(match.Success, "README.md has no ```bash block between the walkthrough markers");
        return match.Groups["script"].Value;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "VideoTube.sln")))
                return directory.FullName;
        throw new InvalidOperationException("VideoTube.sln not found above the test assembly");
    }

    [GeneratedRegex(@"<!-- walkthrough:start -->\s*```bash\n(?<script>.*?)```\s*<!-- walkthrough:end -->", RegexOptions.Singleline)]
    private static partial Regex WalkthroughBlock();
}
