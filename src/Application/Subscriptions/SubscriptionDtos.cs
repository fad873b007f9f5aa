using System.Text.Json.Serialization;

namespace VideoTube.Application.Subscriptions;

public sealed record SubscriptionStatusDto(bool IsSubscribed);

/// <summary>A user seen as a channel: the public summary plus its subscriber count.</summary>
public sealed record ChannelSummaryDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string Username { get; init; } = string.Empty;
    public string FullName { get; init; } = string.Empty;
    public string Avatar { get; init; } = string.Empty;
    public int SubscribersCount { get; init; }
}

/// <summary>One subscription of a subscriber, with the channel expanded.</summary>
public sealed record SubscribedChannelDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public Guid Subscriber { get; init; }
    public ChannelSummaryDto Channel { get; init; } = new();
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>One subscription to a channel, with the subscriber expanded.</summary>
public sealed record ChannelSubscriberDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public Guid Channel { get; init; }
    public ChannelSummaryDto Subscriber { get; init; } = new();
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
