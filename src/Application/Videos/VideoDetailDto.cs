using VideoTube.Application.Subscriptions;

namespace VideoTube.Application.Videos;

/// <summary>The video page: the video, its likes from the caller's point of view, and its owner's channel.</summary>
public sealed record VideoDetailDto : VideoFieldsDto
{
    public VideoOwnerDto Owner { get; init; } = new();
    public int LikesCount { get; init; }
    public bool IsLiked { get; init; }
}

/// <summary>The owner's channel summary plus whether the caller subscribes to it (the subscribe button).</summary>
public sealed record VideoOwnerDto : ChannelSummaryDto
{
    public bool IsSubscribed { get; init; }
}
