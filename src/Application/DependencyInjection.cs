using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Common.Posts;
using VideoTube.Application.Common.Security;
using VideoTube.Application.Uploads;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;

namespace VideoTube.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = Assembly.GetExecutingAssembly();
        services.AddAutoMapper(MediaMappingProfile.Conventions, assembly);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PaginationOptions>().Bind(configuration.GetSection(PaginationOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ImageUploads>();
        services.AddScoped<VideoUploads>();

        // Use cases are plain classes (no mediator): every *Handler is registered so a new use case needs no wiring.
        foreach (var handler in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
                                                               && t.Name.EndsWith("Handler", StringComparison.Ordinal)))
            services.AddScoped(handler);

        // The post use cases are generic over tweets and comments; their closed types are listed here.
        services.AddScoped(typeof(EditPostHandler<,>));
        services.AddScoped(typeof(DeletePostHandler<>));
        services.AddSingleton<IValidator<EditPostCommand<Comment>>, EditPostValidator<Comment>>();
        services.AddSingleton<IValidator<EditPostCommand<Tweet>>, EditPostValidator<Tweet>>();

        return services;
    }
}
