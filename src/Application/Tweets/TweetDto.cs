using System.Text.Json.Serialization;
using VideoTube.Application.Users;

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
