using VideoTube.Application.Videos;

namespace VideoTube.Application.Dashboard;

/// <summary>One of the caller's own videos on the dashboard: no owner (it is the caller), engagement figures instead.</summary>
public sealed record ChannelVideoDto : VideoFieldsDto
{
    public int LikesCount { get; init; }
    public int CommentsCount { get; init; }
}
