using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Videos.Processing;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Maintenance;

namespace VideoTube.Infrastructure.Processing;

public static class ProcessingServiceCollectionExtensions
{
    /// <summary>Quartz's table prefix; the tables are created by the AddQuartzJobStore migration.</summary>
    public const string TablePrefix = "qrtz_";
    /// <summary>Every instance sharing the database is one cluster under this name.</summary>
    public const string SchedulerName = "VideoTube";
    /// <summary>The service key of the job store's own <see cref="DbDataSource"/>.</summary>
    public const string DataSourceKey = "quartz";

    public static IServiceCollection AddVideoProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FfmpegOptions>().Bind(configuration.GetSection(FfmpegOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        // A host with metrics (WebApi) registers its own; without one the counts go nowhere.
        services.TryAddSingleton<IJobMetrics, NoJobMetrics>();
        services.AddScoped<IVideoProcessingQueue, QuartzVideoProcessingQueue>();
        services.AddSingleton<VideoTranscodePipeline>();
        services.AddTransient<ProcessVideoJob>();

        // The job store's connections keep Database:CommandTimeout and ConnectTimeout, as EF's do: a stalled database
        // must not hold a worker's scheduling loop (or a request queueing a job) longer than it holds a request.
        // Built when first used, from the configuration then, so hosts and tests can still override the connection.
        services.AddKeyedSingleton<DbDataSource>(DataSourceKey, (provider, _) => NpgsqlDataSource.Create(
            DependencyInjection.ApplicationConnectionString(provider.GetRequiredService<IConfiguration>(),
                provider.GetRequiredService<IOptions<DatabaseOptions>>().Value)));

        services.AddQuartz(quartz =>
        {
            quartz.ScheduleMaintenanceJobs();
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(source => source.DataSourceServiceKey = DataSourceKey);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(_ => { });
                store.ConfigureStore(store =>
                {
                    store.TablePrefix = TablePrefix;
                    // Lets PublishVideo queue the job inside the transaction that inserts the video.
                    store.AcceptEnlistedTransactions = true;
                    // A deploy that stops a worker mid-transcode hands the job to another worker, like a crash would.
                    store.RecoverFiringsCancelledByShutdown = true;
                });
            });
        });
        // The settings below come from JobsOptions, read when the scheduler is built rather than at registration.
        services.AddOptions<QuartzSchedulerOptions>().Configure<IOptions<JobsOptions>>((scheduler, jobs) =>
        {
            scheduler.InstanceName = SchedulerName;
            scheduler.IdleWaitTime = jobs.Value.PollInterval;
            // Stopping an instance stops its transcodes (ffmpeg killed, temp files removed) and, with
            // RecoverFiringsCancelledByShutdown, hands them to another worker instead of leaving them running unowned.
            scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
        });
        services.AddOptions<ThreadPoolOptions>().Configure<IOptions<JobsOptions>>((pool, jobs) =>
            pool.MaxConcurrency = jobs.Value.MaxConcurrentTranscodes);
        services.AddOptions<ClusteringOptions>().Configure<IOptions<JobsOptions>>((cluster, jobs) =>
        {
            cluster.CheckinInterval = jobs.Value.ClusterCheckinInterval;
            cluster.CheckinMisfireThreshold = jobs.Value.ClusterCheckinMisfireThreshold;
        });
        // Waits only for the interrupted jobs to unwind, which takes as long as killing ffmpeg and deleting a folder.
        services.AddOptions<QuartzHostedServiceOptions>().Configure(hosted => hosted.WaitForJobsToComplete = true);
        // Quartz's hosted service, on workers only: a web-only instance never starts its scheduler, so never takes a job.
        services.AddHostedService<WorkerHostedService>();

        services.AddHealthChecks().AddCheck<JobEngineHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }
}

internal sealed class NoJobMetrics : IJobMetrics
{
    public void JobFinished(string job, string outcome) { }
}
