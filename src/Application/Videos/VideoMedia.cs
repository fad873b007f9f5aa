using FluentValidation;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

/// <summary>What the video use cases share: the media folders, the ownership message and the field rules.</summary>
public static class VideoMedia
{
    public const string VideoFolder = "videos";
    public const string ThumbnailFolder = "thumbnails";
    public const string NotOwnerMessage = "You are not the owner of this video";

    /// <summary>Media in these folders belong to a video and are served only to those who may see the video.</summary>
    public static bool IsVideoMediaKey(string key) =>
        key.StartsWith(VideoFolder + "/", StringComparison.Ordinal) || key.StartsWith(ThumbnailFolder + "/", StringComparison.Ordinal);

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
