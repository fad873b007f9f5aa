using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Security;
using VideoTube.Application.Uploads;
using VideoTube.Application.Users;
using VideoTube.Application.Videos;

namespace VideoTube.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = Assembly.GetExecutingAssembly();
        services.AddAutoMapper(_ => { }, assembly);

        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<LoginSessions>();
        services.AddScoped<ImageUploads>();
        services.AddScoped<VideoUploads>();

        // Use cases are plain classes (no mediator): every *Handler is registered so a new use case needs no wiring.
        foreach (var handler in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
                                                               && t.Name.EndsWith("Handler", StringComparison.Ordinal)))
            services.AddScoped(handler);

        return services;
    }
}
