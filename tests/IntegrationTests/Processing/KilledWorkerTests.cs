using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Processing;

/// <summary>
/// A worker that dies without a word (SIGKILL: no shutdown, no hand-back, its ffmpeg gone with it) in the middle of a
/// transcode. Its job must be recovered through the cluster check-in by another instance and run to the end once.
/// The dying worker is a real API process started with <c>dotnet</c>, because a host inside the test process cannot
/// be killed without killing the tests.
/// </summary>
public sealed class KilledWorkerTests : ProcessingTestBase
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Jobs:WorkerEnabled"] = "false"; // this class's host only queues
            return settings;
        }
    }

    [Test]
    public async Task A_job_whose_worker_is_killed_mid_transcode_is_recovered_and_finished_once_by_another()
    {
        RequireFfmpeg();
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Ignore("The ffmpeg wrappers are shell scripts and the worker is killed with SIGKILL");
        var api = WebApiAssembly();
        if (!File.Exists(api))
            Assert.Ignore($"The API is not built at {api}");

        var started = Path.Combine(JobTempPath, $"started-{Guid.NewGuid():N}");
        var runs = Path.Combine(JobTempPath, $"runs-{Guid.NewGuid():N}");
        // The doomed worker's ffmpeg: real, but reading its input at the speed it plays (-re), so it is still running
        // when the test kills the worker.
        var slowFfmpeg = await WriteScriptAsync($"mkdir -p '{JobTempPath}'\necho started > '{started}'\nexec ffmpeg -re \"$@\"\n");
        // The rescuer's ffmpeg counts the transcodes it runs (the thumbnail call has no master playlist).
        var countingFfmpeg = await WriteScriptAsync(
            $"case \"$*\" in *-master_pl_name*) echo run >> '{runs}';; esac\nexec ffmpeg \"$@\"\n");
        Process? worker = null;
        try
        {
            var owner = await CreateUserAsync();
            var videoId = IdOf(await PublishAsync(owner, await GenerateSourceAsync(seconds: 12, size: "320x180")));

            worker = StartWorkerProcess(api, slowFfmpeg);
            await WaitUntilAsync(() => File.Exists(started) && File.ReadAllText(started).Trim().Length > 0 || worker.HasExited,
                "the worker process never started the transcode");
            Assert.That(worker.HasExited, Is.False, "the worker process exited on its own");
            await WaitUntilAsync(() => ProgressOf(videoId) > 0, "the killed worker's ffmpeg never reported progress");

            // SIGKILL to the worker and its ffmpeg at once, as when a container or machine is lost.
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            Assert.That(Directory.GetDirectories(JobTempPath, $"{videoId:N}-*"), Is.Not.Empty,
                "the killed run could not remove its temp folder");

            await using var rescuer = StartHost(WorkerSettings(("Ffmpeg:Path", countingFfmpeg)));
            var video = await WaitForOutcomeAsync(videoId, rescuer);

            Assert.That(video.Status, Is.EqualTo(VideoStatus.Ready), video.FailureReason);
            await WaitUntilAsync(() => QueuedJobsAsync(videoId).GetAwaiter().GetResult() == 0, "the recovered job never finished");
            Assert.Multiple(async () =>
            {
                Assert.That(video.Progress, Is.EqualTo(100));
                Assert.That(video.HlsKey, Does.EndWith("/master.m3u8"));
                Assert.That(await File.ReadAllLinesAsync(runs), Has.Length.EqualTo(1), "the recovered job ran once");
                Assert.That(await FiredTriggersAsync(), Is.Zero, "no job is left claimed by the dead worker");
                Assert.That(Directory.GetDirectories(JobTempPath), Is.Empty, "no temp folder is left, the dead run's included");
            });
            var master = await owner.Client.GetAsync(MasterPath(video));
            Assert.That(master.IsSuccessStatusCode, Is.True, "the recovered renditions are served");
        }
        finally
        {
            if (worker is { HasExited: false })
                worker.Kill(entireProcessTree: true);
            worker?.Dispose();
            File.Delete(slowFfmpeg);
            File.Delete(countingFfmpeg);
        }
    }

    /// <summary>
    /// The built API as its own process: a worker over this class's database and media folder, checking in every
    /// second, so its death is noticed within seconds. Its port is VIDEOTUBE_API_PORT + 1 when that range is given
    /// (a shared machine), else any free port.
    /// </summary>
    private Process StartWorkerProcess(string api, string ffmpeg)
    {
        var port = int.TryParse(Environment.GetEnvironmentVariable("VIDEOTUBE_API_PORT"), out var apiPort) ? apiPort + 1 : 0;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(api);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var settings = WorkerSettings(("Ffmpeg:Path", ffmpeg), ("Jobs:PollInterval", "00:00:01"));
        settings["ConnectionStrings:VideoTube"] = ConnectionString;
        settings["Jwt:SigningKey"] = Infrastructure.VideoTubeApiFactory.SigningKey;
        settings["Storage:Local:RootPath"] = Factory.MediaRoot;
        settings["Database:MigrateOnStartup"] = "false";
        settings["RateLimiting:Enabled"] = "false";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        // Drained so a chatty log never blocks the worker on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>src/WebApi's build output of the configuration these tests were built in.</summary>
    private static string WebApiAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VideoTube.sln")))
            directory = directory.Parent;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}")
            ? "Debug" : "Release";
        return Path.Combine(directory?.FullName ?? ".", "src", "WebApi", "bin", configuration, "net10.0", "VideoTube.WebApi.dll");
    }

    private int ProgressOf(Guid videoId) =>
        WithDbAsync(db => db.Videos.Where(v => v.Id == videoId).Select(v => v.Progress).SingleAsync()).GetAwaiter().GetResult();

    private Task<int> FiredTriggersAsync() => WithDbAsync(db => db.Database
        .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM qrtz_fired_triggers").SingleAsync());
}
