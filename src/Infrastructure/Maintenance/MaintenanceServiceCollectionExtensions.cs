using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace VideoTube.Infrastructure.Maintenance;

public static class MaintenanceServiceCollectionExtensions
{
    public static IServiceCollection AddMaintenanceJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection(MaintenanceOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<RepairCountersJob>();
        services.AddTransient<PruneLoginAttemptsJob>();
        return services;
    }

    /// <summary>
    /// Housekeeping on the clustered Quartz store that processes videos: it runs on worker instances only, and the
    /// cluster fires each trigger once. The schedules are read when the scheduler is built, after start-up validation.
    /// </summary>
    public static IQuartzBuilder ScheduleMaintenanceJobs(this IQuartzBuilder quartz) => quartz
        .ScheduleJob<RepairCountersJob>(RepairCountersJob.Key,
            provider => provider.GetRequiredService<IOptions<MaintenanceOptions>>().Value.CounterRepairSchedule)
        .ScheduleJob<PruneLoginAttemptsJob>(PruneLoginAttemptsJob.Key,
            provider => provider.GetRequiredService<IOptions<MaintenanceOptions>>().Value.LoginAttemptsPruneSchedule);

    /// <summary>A firing missed while no worker was up is dropped, not caught up: the next one does the same work.</summary>
    private static IQuartzBuilder ScheduleJob<TJob>(this IQuartzBuilder quartz, JobKey key,
        Func<IServiceProvider, string> cron) where TJob : IJob =>
        quartz.ScheduleJob<TJob>(
            (provider, trigger) => trigger.WithIdentity(key.Name, key.Group).ForJob(key)
                .WithSchedule(CronScheduleBuilder.Create(cron(provider)).InTimeZone(TimeZoneInfo.Utc)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)),
            (_, job) => job.WithIdentity(key).StoreDurably());
}
