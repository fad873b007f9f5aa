using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Posts;
using VideoTube.Application.Comments;
using VideoTube.Application.Dashboard;
using VideoTube.Application.Feed;
using VideoTube.Application.Likes;
using VideoTube.Application.Playlists;
using VideoTube.Application.Subscriptions;
using VideoTube.Application.Tweets;
using VideoTube.Application.Uploads;
using VideoTube.Application.Users;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Data.Interceptors;
using VideoTube.Infrastructure.Data.Queries;
using VideoTube.Infrastructure.Identity;
using VideoTube.Infrastructure.Maintenance;
using VideoTube.Infrastructure.Media;
using VideoTube.Infrastructure.Processing;
using VideoTube.Infrastructure.Storage;
using VideoTube.Infrastructure.Uploads;
using VideoTube.Infrastructure.Views;

namespace VideoTube.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "VideoTube";

    /// <summary>The service key of the API's own <see cref="NpgsqlDataSource"/> (the job store has another).</summary>
    public const string ApplicationDataSourceKey = "videotube";

    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AuditableEntityInterceptor>();
        services.AddSingleton<InlinePagingInterceptor>();
        // One data source for the API's connections, built when first used (from the configuration then, so hosts and
        // tests can still override it), with Database:* applied once rather than to a connection string per request.
        services.AddKeyedSingleton(ApplicationDataSourceKey, (provider, _) => NpgsqlDataSource.Create(
            ApplicationConnectionString(provider.GetRequiredService<IConfiguration>(),
                provider.GetRequiredService<IOptions<DatabaseOptions>>().Value)));
        // Pooled contexts: a request leases a ready DbContext instead of building one and its options, which the profile
        // of a short read put at about a seventh of its CPU (bench/RESULTS.md). The context keeps no state of its own.
        services.AddDbContextPool<ApplicationDbContext>((provider, options) =>
        {
            ConfigureDbContext(options, provider.GetRequiredKeyedService<NpgsqlDataSource>(ApplicationDataSourceKey));
            options.AddInterceptors(provider.GetRequiredService<AuditableEntityInterceptor>(),
                provider.GetRequiredService<InlinePagingInterceptor>());
        });
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());
        services.AddSingleton<IDatabaseErrorTranslator, DatabaseErrorTranslator>();
        services.AddSingleton<CompiledReads>();
        services.AddScoped<IVideoQueries, VideoQueries>();
        services.AddSingleton<SearchTotals>();
        services.AddScoped<IFeedQueries, FeedQueries>();
        services.AddScoped<IUserQueries, UserQueries>();
        services.AddScoped<ISubscriptionQueries, SubscriptionQueries>();
        services.AddScoped<IDashboardQueries, DashboardQueries>();
        services.AddScoped<ILikeQueries, LikeQueries>();
        services.AddScoped<ICommentQueries, CommentQueries>();
        services.AddScoped<ITweetQueries, TweetQueries>();
        services.AddScoped<IPostReader<Comment, CommentDto>>(provider => provider.GetRequiredService<ICommentQueries>());
        services.AddScoped<IPostReader<Tweet, TweetDto>>(provider => provider.GetRequiredService<ITweetQueries>());
        services.AddScoped<IPlaylistQueries, PlaylistQueries>();
        services.AddScoped<IUploadQueries, UploadQueries>();
        // Upload claims are held for as long as a client sends a body, so they get a pool of their own (see
        // IUploadQueries); it resets a returned session, so no lock can outlive its request there.
        services.AddKeyedSingleton(UploadQueries.ClaimsDataSourceKey, (provider, _) => NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(ApplicationConnectionString(provider.GetRequiredService<IConfiguration>(),
                provider.GetRequiredService<IOptions<DatabaseOptions>>().Value))
            {
                MaxPoolSize = provider.GetRequiredService<IOptions<UploadOptions>>().Value.MaxConcurrentWrites,
                MinPoolSize = 0,
                NoResetOnClose = false,
                Enlist = false,
            }.ConnectionString));
        services.AddScoped<ICounterRepair, CounterRepair>();
        services.AddOptions<ViewsOptions>().Bind(configuration.GetSection(ViewsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BufferedViewCounter>();
        services.AddSingleton<IViewCounter>(provider => provider.GetRequiredService<BufferedViewCounter>());
        services.AddHostedService<ViewFlushService>();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => o.HasValidTimeouts,
                "Database: CommandTimeout and ConnectTimeout must be 1 s to 10 min, ReadinessTimeout above 0 and at most 30 s.")
            .Validate(o => o.HasValidAutoPrepare,
                "Database: MaxAutoPrepare must be 0 to 4096, AutoPrepareMinUsages 1 to 1000, PlanCacheMode auto, force_generic_plan or force_custom_plan.")
            .Validate(o => o.HasValidPoolSize, "Database: MaxPoolSize must be 1 to 1000 (or unset: four per processor).")
            .ValidateOnStart();

        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = User.UserNameCharacters;
                options.Password.RequiredLength = User.MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Identity's lockout counts failures with a read-modify-write that loses increments under parallel
                // guesses and lets anyone lock any account; the login throttle (LoginThrottleOptions) replaces it.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<LoginAttempts>();
        services.AddOptions<LoginThrottleOptions>().Bind(configuration.GetSection(LoginThrottleOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ILoginSessions, LoginSessions>();
        services.AddOptions<SessionsOptions>().Bind(configuration.GetSection(SessionsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionValidityCache>();
        services.AddHostedService<SessionRevocationListener>();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider is "Local" or "S3", "Storage:Provider must be 'Local' or 'S3'.")
            .Validate(o => o.Provider != "S3" || !string.IsNullOrWhiteSpace(o.S3.Bucket),
                "Storage:S3:Bucket is required when Storage:Provider is 'S3'.")
            .Validate(o => o.HasValidPublicBaseUrl,
                "Storage:PublicBaseUrl must be empty or an absolute http(s) URL without query or fragment.")
            .Validate(o => o.S3.HasValidPresignedUrlExpiry,
                "Storage:S3:PresignedUrlExpiry must be between 00:01:00 and 7.00:00:00.")
            .Validate(o => !o.S3.PresignedUrls || o.Provider == "S3",
                "Storage:S3:PresignedUrls needs Storage:Provider 'S3'.")
            .ValidateOnStart();
        // Chosen when first resolved (not at registration), so hosts and tests can still override the provider.
        services.AddSingleton<LocalDiskMediaStorage>();
        services.AddSingleton<S3MediaStorage>();
        services.AddSingleton(provider => (IMediaStorage)SelectedStorageAdapter(provider));
        // The adapter itself rather than the port: a host may wrap IMediaStorage (WebApi meters it) without the
        // wrapper having to know how ffprobe reaches a stored file.
        services.AddSingleton(provider => (IMediaLocator)SelectedStorageAdapter(provider));
        // Also the adapter: WebApi's metering wrapper implements IMediaStorage only.
        services.AddSingleton(provider => (IRenditionStorage)SelectedStorageAdapter(provider));
        services.AddSingleton<IMediaUrls, MediaUrls>();

        services.AddOptions<FfprobeOptions>().Bind(configuration.GetSection(FfprobeOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IVideoProbe, FfprobeVideoProbe>();

        services.AddSingleton<ExpiredUploadCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<ExpiredUploadCleanup>());

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddVideoProcessing(configuration);
        services.AddMaintenanceJobs(configuration);
        return services;
    }

    private static object SelectedStorageAdapter(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == "S3"
            ? provider.GetRequiredService<S3MediaStorage>()
            : provider.GetRequiredService<LocalDiskMediaStorage>();

    /// <summary>
    /// <c>ConnectionStrings:VideoTube</c> with the <c>Database:*</c> timeouts and preparation settings applied: what
    /// every connection of the API uses (its data source, the job store's, the readiness probe, the LISTEN session).
    /// </summary>
    public static string ApplicationConnectionString(IConfiguration configuration, DatabaseOptions database) =>
        database.Apply(configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"Connection string 'ConnectionStrings:{ConnectionStringName}' is not set."));

    public static void ConfigureDbContext(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, ConfigureNpgsql).UseSnakeCaseNamingConvention();

    public static void ConfigureDbContext(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, ConfigureNpgsql).UseSnakeCaseNamingConvention();

    private static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__ef_migrations_history");
}
