using FluentValidation;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

/// <summary>What the video use cases share: the media folders, the ownership message and the field rules.</summary>
public static class VideoMedia
{
    public const string VideoFolder = "videos";
    public const string ThumbnailFolder = "thumbnails";
    /// <summary>Renditions live under <c>hls/{videoId}/</c>, so a playlist or segment key names its video.</summary>
    public const string HlsFolder = "hls";
    /// <summary>Parts of resumable uploads; never served (no video references them).</summary>
    public const string UploadFolder = "uploads";
    public const string NotOwnerMessage = "You are not the owner of this video";

    /// <summary>Media in these folders belong to a video and are served only to those who may see the video.</summary>
    public static bool IsVideoMediaKey(string key) =>
        key.StartsWith(VideoFolder + "/", StringComparison.Ordinal) || key.StartsWith(ThumbnailFolder + "/", StringComparison.Ordinal)
        || key.StartsWith(UploadFolder + "/", StringComparison.Ordinal);

    public static string HlsPrefix(Guid videoId) => $"{HlsFolder}/{videoId:N}";

    /// <summary>The video a rendition key belongs to, or null when the key is not under a video's HLS prefix.</summary>
    public static Guid? VideoIdOfRendition(string key)
    {
        var parts = key.Split('/');
        return parts.Length >= 3 && parts[0] == HlsFolder && Guid.TryParseExact(parts[1], "N", out var id) ? id : null;
    }

    /// <summary>A title, when sent: something visible, within the limit, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(title => title is null || !ValidationRules.IsBlank(title)).WithMessage("Title cannot be empty")
            .ValidText("title", Video.MaxTitleLength, "Invalid title");

    /// <summary>A description, when sent: as <see cref="ValidTitle{T}"/>.</summary>
    public static IRuleBuilderOptions<T, string?> ValidDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(description => description is null || !ValidationRules.IsBlank(description))
            .WithMessage("Description cannot be empty")
            .ValidText("description", Video.MaxDescriptionLength, "Invalid description");
}
