using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Formatting.Compact;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;

namespace VideoTube.WebApi.Observability;

/// <summary>Logs, traces and metrics: one place decides what is recorded and where it goes.</summary>
public static class ObservabilitySetup
{
    /// <summary>The standard variable OTLP exporters read; honoured as well as our own setting.</summary>
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<LogSettings>().Bind(configuration.GetSection(LogSettings.SectionName)).ValidateOnStart();
        services.AddOptions<TelemetrySettings>().Bind(configuration.GetSection(TelemetrySettings.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSerilog((provider, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).ReadFrom.Services(provider).Enrich.FromLogContext();
            // Serilog records the current trace and span ids on every event; both formats print them.
            if (provider.GetRequiredService<IOptions<LogSettings>>().Value.Format == LogFormat.Json)
                logger.WriteTo.Console(new CompactJsonFormatter());
            else
                logger.WriteTo.Console(outputTemplate:
                    "[{Timestamp:HH:mm:ss} {Level:u3}] {TraceId} {CorrelationId} {SourceContext}: {Message:lj}{NewLine}{Exception}");
        });
        CacheLoggersPerCategory(services);
        // Without a logger of its own the request-logging middleware derives one from the static logger per request.
        services.AddOptions<RequestLoggingOptions>().Configure<Serilog.ILogger>((options, logger) => options.Logger = logger);

        var settings = configuration.GetSection(TelemetrySettings.SectionName).Get<TelemetrySettings>() ?? new TelemetrySettings();
        var otlpEndpoint = string.IsNullOrWhiteSpace(settings.OtlpEndpoint) ? null : settings.OtlpEndpoint;
        var exportOtlp = otlpEndpoint is not null
                         || !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        void ConfigureOtlp(OtlpExporterOptions options)
        {
            if (otlpEndpoint is not null && Uri.TryCreate(otlpEndpoint, UriKind.Absolute, out var endpoint))
                options.Endpoint = endpoint;
        }

        services.AddSingleton<VideoTubeMetrics>();
        services.AddSingleton<IJobMetrics>(provider => provider.GetRequiredService<VideoTubeMetrics>());
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                // Spans are made only when something exports them: recording a request span and a span per SQL
                // command that nobody reads cost a few percent of a short read's CPU. Logs still carry the trace id
                // ASP.NET Core assigns to every request.
                if (!exportOtlp)
                    return;
                tracing.AddAspNetCoreInstrumentation(options =>
                        // Probes and scrapes arrive every few seconds and say nothing about users.
                        options.Filter = context => !IsPlumbing(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddOtlpExporter(ConfigureOtlp);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Npgsql")
                    .AddMeter(VideoTubeMetrics.MeterName);
                if (settings.PrometheusEnabled)
                    metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                if (exportOtlp)
                    metrics.AddOtlpExporter(ConfigureOtlp);
            });

        DecorateMediaStorage(services);
        return builder;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TelemetrySettings>>().Value.PrometheusEnabled)
            app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    private static void CacheLoggersPerCategory(IServiceCollection services)
    {
        if (!TryDecorate<ILoggerFactory>(services, (serilogFactory, _) => new CachingLoggerFactory(serilogFactory)))
            throw new InvalidOperationException("AddSerilog no longer registers its ILoggerFactory by factory.");
    }

    /// <summary>Wraps whichever storage adapter Infrastructure registered so every stored file is counted.</summary>
    private static void DecorateMediaStorage(IServiceCollection services) =>
        TryDecorate<IMediaStorage>(services, (storage, provider) =>
            new MeteredMediaStorage(storage, provider.GetRequiredService<VideoTubeMetrics>()));

    /// <summary>
    /// Replaces the last registration of <typeparamref name="TService"/>, made by a factory, with one that wraps what
    /// that factory builds, at the same lifetime; false (and nothing changed) when there is no such registration.
    /// </summary>
    private static bool TryDecorate<TService>(IServiceCollection services,
        Func<TService, IServiceProvider, TService> decorate) where TService : class
    {
        var registration = services.LastOrDefault(d => d.ServiceType == typeof(TService));
        if (registration?.ImplementationFactory is not { } factory)
            return false;
        services.Remove(registration);
        services.Add(ServiceDescriptor.Describe(typeof(TService),
            provider => decorate((TService)factory(provider), provider), registration.Lifetime));
        return true;
    }
}
