namespace VideoTube.Application.Dashboard;

/// <summary>The caller's channel figures; totalLikes counts likes on the channel's videos.</summary>
public sealed record ChannelStatsDto
{
    public int TotalVideos { get; init; }
    public long TotalViews { get; init; }
    public int TotalSubscribers { get; init; }
    public int TotalLikes { get; init; }
}
