using VideoTube.Application.Common.Exceptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

/// <summary>Rules shared by the video use cases: storage folders, field validation and ownership.</summary>
public static class VideoMedia
{
    public const string VideoFolder = "videos";
    public const string ThumbnailFolder = "thumbnails";
    /// <summary>Parts of resumable uploads; never served (no video references them).</summary>
    public const string UploadFolder = "uploads";
    public const string NotFoundMessage = "Video not found";

    /// <summary>Files in these folders belong to a video and are served only to those who may see the video.</summary>
    public static bool IsVideoMediaKey(string key) =>
        key.StartsWith(VideoFolder + "/", StringComparison.Ordinal) || key.StartsWith(ThumbnailFolder + "/", StringComparison.Ordinal)
        || key.StartsWith(UploadFolder + "/", StringComparison.Ordinal);

    public static void EnsureOwner(Guid ownerId, Guid userId)
    {
        if (ownerId != userId)
            throw new ForbiddenException("You are not the owner of this video");
    }

    /// <summary>Required fields of a new video; every problem is listed, not only the first.</summary>
    public static (string Title, string Description) ValidateNew(string? title, string? description)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add("title is required");
        if (string.IsNullOrWhiteSpace(description)) errors.Add("description is required");
        if (errors.Count > 0)
            throw new BadRequestException("All fields are required", errors);
        return (ValidateTitle(title!), ValidateDescription(description!));
    }

    /// <summary>
    /// Checks the lengths of the fields a client has sent so far, to fail before a large upload rather than after it;
    /// missing or blank fields are reported by <see cref="ValidateNew"/> once the whole form is read.
    /// </summary>
    public static void ValidateIfPresent(string? title, string? description)
    {
        if (!string.IsNullOrWhiteSpace(title)) ValidateTitle(title);
        if (!string.IsNullOrWhiteSpace(description)) ValidateDescription(description);
    }

    public static string ValidateTitle(string title)
    {
        var trimmed = title.Trim();
        if (trimmed.Length == 0)
            throw new BadRequestException("Title cannot be empty");
        if (trimmed.Length > Video.MaxTitleLength)
            throw new BadRequestException("Invalid title", [$"title must be at most {Video.MaxTitleLength} characters"]);
        return trimmed;
    }

    public static string ValidateDescription(string description)
    {
        var trimmed = description.Trim();
        if (trimmed.Length == 0)
            throw new BadRequestException("Description cannot be empty");
        if (trimmed.Length > Video.MaxDescriptionLength)
            throw new BadRequestException("Invalid description",
                [$"description must be at most {Video.MaxDescriptionLength} characters"]);
        return trimmed;
    }
}
