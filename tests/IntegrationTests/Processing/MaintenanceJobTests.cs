using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Identity;
using VideoTube.Infrastructure.Maintenance;

namespace VideoTube.IntegrationTests.Processing;

/// <summary>The housekeeping jobs are scheduled in the clustered store and do their work when they fire.</summary>
public sealed class MaintenanceJobTests : ProcessingTestBase
{
    /// <summary>A safety net for a job that never fires, not a performance assertion.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    [Test]
    public async Task A_worker_schedules_both_jobs_on_their_cron_triggers()
    {
        var scheduler = await StartedSchedulerAsync();

        var repair = await scheduler.GetTrigger(new TriggerKey(RepairCountersJob.Key.Name, RepairCountersJob.Key.Group));
        var prune = await scheduler.GetTrigger(new TriggerKey(PruneLoginAttemptsJob.Key.Name, PruneLoginAttemptsJob.Key.Group));

        Assert.Multiple(() =>
        {
            Assert.That((repair as ICronTrigger)?.CronExpressionString, Is.EqualTo(new MaintenanceOptions().CounterRepairSchedule));
            Assert.That((prune as ICronTrigger)?.CronExpressionString, Is.EqualTo(new MaintenanceOptions().LoginAttemptsPruneSchedule));
        });
    }

    [Test]
    public async Task The_repair_job_corrects_a_drifted_counter()
    {
        var channel = await CreateUserAsync();
        await WithDbAsync(db => db.Users.Where(u => u.Id == channel.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SubscribersCount, 17)));

        await (await StartedSchedulerAsync()).TriggerJob(RepairCountersJob.Key);

        await UntilAsync(async () => await WithDbAsync(db =>
            db.Users.Where(u => u.Id == channel.Id).Select(u => u.SubscribersCount).SingleAsync()) == 0);
    }

    [Test]
    public async Task The_prune_job_deletes_only_expired_login_throttle_rows()
    {
        var stale = "test-stale:" + Guid.NewGuid();
        var fresh = "test-fresh:" + Guid.NewGuid();
        await WithDbAsync(async db =>
        {
            db.Set<LoginAttempt>().AddRange(
                new LoginAttempt { Key = stale, Attempts = 3, WindowStartedAt = DateTime.UtcNow.AddDays(-2) },
                new LoginAttempt { Key = fresh, Attempts = 3, WindowStartedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        await (await StartedSchedulerAsync()).TriggerJob(PruneLoginAttemptsJob.Key);

        await UntilAsync(async () => !await WithDbAsync(db => db.Set<LoginAttempt>().AnyAsync(a => a.Key == stale)));
        Assert.That(await WithDbAsync(db => db.Set<LoginAttempt>().AnyAsync(a => a.Key == fresh)), Is.True);
    }

    /// <summary>The worker's scheduler, once the host (and with it Quartz's hosted service) has started.</summary>
    private async Task<IScheduler> StartedSchedulerAsync()
    {
        using var client = CreateClient();
        var scheduler = await Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await UntilAsync(async () => await scheduler.GetStatus() == SchedulerStatus.Running);
        return scheduler;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (stopwatch.Elapsed > GiveUpAfter)
                Assert.Fail("the job did not do its work in time");
            await Task.Delay(100);
        }
    }
}
