using System.Text.Json.Serialization;
using VideoTube.Application.Users;

namespace VideoTube.Application.Comments;

public sealed record CommentDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string Content { get; init; } = string.Empty;
    /// <summary>The video's id, as chai-backend's unpopulated reference.</summary>
    public Guid Video { get; init; }
    public UserSummaryDto Owner { get; init; } = new();
    public int LikesCount { get; init; }
    /// <summary>Whether the caller likes this comment.</summary>
    public bool IsLiked { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
