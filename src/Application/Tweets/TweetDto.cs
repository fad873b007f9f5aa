using System.Text.Json.Serialization;
using VideoTube.Application.Users;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Tweets;

public sealed record TweetDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string Content { get; init; } = string.Empty;
    public UserSummaryDto Owner { get; init; } = new();
    public int LikesCount { get; init; }
    /// <summary>Whether the caller likes this tweet.</summary>
    public bool IsLiked { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A tweet with the like figures computed in SQL; ProjectTo turns it into a <see cref="TweetDto"/>.</summary>
public sealed class TweetRow
{
    public required Tweet Tweet { get; init; }
    public int LikesCount { get; init; }
    public bool IsLiked { get; init; }
}
