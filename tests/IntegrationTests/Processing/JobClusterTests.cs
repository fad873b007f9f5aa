using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Processing;
using VideoTube.IntegrationTests.Infrastructure;

namespace VideoTube.IntegrationTests.Processing;

/// <summary>
/// Several instances over one database, as in production: this class's own host is web-only (it queues, never runs),
/// and each test starts the workers it needs beside it.
/// </summary>
public sealed class JobClusterTests : ProcessingTestBase
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Jobs:WorkerEnabled"] = "false";
            return settings;
        }
    }

    [Test]
    public async Task A_web_only_instance_queues_the_job_and_a_worker_runs_it()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var videoId = IdOf(await PublishAsync(owner, await GenerateSourceAsync(seconds: 2, size: "320x180")));

        var scheduler = await Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Multiple(async () =>
        {
            Assert.That(await scheduler.GetStatus(), Is.Not.EqualTo(SchedulerStatus.Running), "a web-only instance never starts its scheduler");
            Assert.That(await QueuedJobsAsync(videoId), Is.EqualTo(1), "the job is in the shared store");
            Assert.That((await WithDbAsync(db => db.Videos.SingleAsync(v => v.Id == videoId))).Status, Is.EqualTo(VideoStatus.Processing));
        });
        using var anonymous = CreateClient();
        Assert.That((await anonymous.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await using var worker = StartHost(WorkerSettings());
        var video = await WaitForOutcomeAsync(videoId, worker);
        Assert.That(video.Status, Is.EqualTo(VideoStatus.Ready), video.FailureReason);
    }

    [Test]
    public async Task A_job_whose_worker_stops_mid_transcode_is_finished_by_another_worker()
    {
        RequireFfmpeg();
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Ignore("The stand-in ffmpeg is a shell script");
        var marker = Path.Combine(JobTempPath, $"started-{Guid.NewGuid():N}");
        // Stands in for a long transcode: says it started, then runs until the job kills it.
        var hangingFfmpeg = await WriteScriptAsync($"mkdir -p '{JobTempPath}'\ntouch '{marker}'\nexec sleep 600\n");
        try
        {
            var owner = await CreateUserAsync();
            var hostA = StartHost(WorkerSettings(("Ffmpeg:Path", hangingFfmpeg)));
            Guid videoId;
            await using (hostA)
            {
                using var client = hostA.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", owner.AccessToken);
                var response = await client.PostAsync("/api/v1/videos", PublishForm(await GenerateSourceAsync(seconds: 2, size: "320x180")));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
                videoId = IdOf((await ReadJsonAsync(response))["data"]!);
                await WaitUntilAsync(() => File.Exists(marker), "host A never started the transcode");
            }
            // Host A is gone mid-job (its ffmpeg killed); a second worker over the same database must finish it.

            await using var hostB = StartHost(WorkerSettings());
            var video = await WaitForOutcomeAsync(videoId, hostB);
            Assert.That(video.Status, Is.EqualTo(VideoStatus.Ready), video.FailureReason);
            Assert.That(video.HlsKey, Does.EndWith("/master.m3u8"));
            Assert.That(Directory.GetDirectories(JobTempPath), Is.Empty, "both runs removed their temp folders");
        }
        finally
        {
            File.Delete(hangingFfmpeg);
        }
    }

    [Test]
    public async Task A_video_deleted_while_it_transcodes_leaves_no_renditions_behind()
    {
        RequireFfmpeg();
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Ignore("The gated ffmpeg is a shell script");
        var started = Path.Combine(JobTempPath, $"started-{Guid.NewGuid():N}");
        var gate = Path.Combine(JobTempPath, $"gate-{Guid.NewGuid():N}");
        // Real ffmpeg, held back until the test has deleted the video: the job finishes against a row that is gone.
        var gatedFfmpeg = await WriteScriptAsync(
            $"mkdir -p '{JobTempPath}'\ntouch '{started}'\nwhile [ -f '{gate}' ]; do sleep 0.1; done\nexec ffmpeg \"$@\"\n");
        Directory.CreateDirectory(JobTempPath);
        await File.WriteAllTextAsync(gate, "");
        try
        {
            var owner = await CreateUserAsync();
            await using var worker = StartHost(WorkerSettings(("Ffmpeg:Path", gatedFfmpeg)));
            var videoId = IdOf(await PublishAsync(owner, await GenerateSourceAsync(seconds: 2, size: "320x180")));
            await WaitUntilAsync(() => File.Exists(started), "the worker never started the transcode");

            Assert.That((await owner.Client.DeleteAsync($"/api/v1/videos/{videoId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            File.Delete(gate);
            await WaitUntilAsync(() => QueuedJobsAsync(videoId).GetAwaiter().GetResult() == 0, "the job never finished");

            Assert.Multiple(() =>
            {
                Assert.That(Directory.Exists(Path.Combine(Factory.MediaRoot, "hls", videoId.ToString("N"))), Is.False);
                Assert.That(Directory.GetDirectories(JobTempPath), Is.Empty, "the job removed its temp folder");
            });
        }
        finally
        {
            File.Delete(gate);
            File.Delete(gatedFfmpeg);
        }
    }

    [Test]
    public async Task The_job_is_queued_in_the_transaction_of_the_video_row_and_rolls_back_with_it()
    {
        var owner = await CreateUserAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var video = new Video { OwnerId = owner.Id, Title = "t", Description = "d", VideoFileKey = "videos/x.mp4" };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Videos.Add(video);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<VideoTube.Application.Videos.Processing.IVideoProcessingQueue>()
                .EnqueueAsync(video.Id, CancellationToken.None);
            await transaction.RollbackAsync();
        }
        Assert.Multiple(async () =>
        {
            Assert.That(await QueuedJobsAsync(video.Id), Is.Zero, "no job for a video that was never committed");
            Assert.That(await WithDbAsync(d => d.Videos.AnyAsync(v => v.Id == video.Id)), Is.False);
        });
    }

    [Test]
    public async Task The_job_store_connects_with_the_database_timeouts_of_the_api()
    {
        await using var host = StartHost(WorkerSettings(("Jobs:WorkerEnabled", "false"),
            ("Database:CommandTimeout", "00:00:07"), ("Database:ConnectTimeout", "00:00:04")));

        var source = host.Services.GetRequiredKeyedService<DbDataSource>(ProcessingServiceCollectionExtensions.DataSourceKey);
        var connection = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        // The store reaches the database through this data source only, so its answering shows which one it uses.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.That(await scheduler.GetTriggerGroupNames(), Is.Not.Null);
        Assert.That((connection.CommandTimeout, connection.Timeout), Is.EqualTo((7, 4)));
    }
}
