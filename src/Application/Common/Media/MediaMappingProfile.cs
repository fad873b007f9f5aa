using AutoMapper;

namespace VideoTube.Application.Common.Media;

/// <summary>
/// Media members map from the entities' <c>*Key</c> columns (<c>AvatarKey</c> → <c>Avatar</c>) into
/// <see cref="MediaUrl"/>; the conversion is an expression, so <c>ProjectTo</c> keeps it inside the one statement.
/// </summary>
public sealed class MediaMappingProfile : Profile
{
    public MediaMappingProfile()
    {
        CreateMap<string, MediaUrl>().ConvertUsing(key => new MediaUrl(key));
        // A file that is made later (a video's HLS renditions) has a null key until then, and is null in responses.
        CreateMap<string?, MediaUrl?>().ConvertUsing(key => key == null ? null : new MediaUrl(key));
    }

    /// <summary>Applies to every profile: a DTO's <c>Avatar</c> is read from the entity's <c>AvatarKey</c>.</summary>
    public static void Conventions(IMapperConfigurationExpression configuration) =>
        configuration.RecognizePostfixes("Key");
}
