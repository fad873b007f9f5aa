using System.Text.Json.Serialization;
using VideoTube.Application.Users;

namespace VideoTube.Application.Subscriptions;

public sealed record SubscriptionStatusDto(bool IsSubscribed);

/// <summary>A user seen as a channel: the public summary plus its subscriber count.</summary>
public record ChannelSummaryDto : UserSummaryDto
{
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

/// <summary>
/// A channel with its subscriptions, newest first, read as one projection of the user row, so a missing user (null)
/// and a user without subscriptions (empty) are told apart in ONE statement. Not sent to clients.
/// </summary>
public sealed record ChannelSubscribersDto
{
    public IReadOnlyList<ChannelSubscriberDto> Subscribers { get; init; } = [];
}

/// <summary>A subscriber with the channels they subscribe to, newest first; as <see cref="ChannelSubscribersDto"/>.</summary>
public sealed record SubscribedChannelsDto
{
    public IReadOnlyList<SubscribedChannelDto> Subscriptions { get; init; } = [];
}
