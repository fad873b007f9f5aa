using System.Text.Json.Serialization;
using VideoTube.Application.Common.Media;

namespace VideoTube.Application.Users;

/// <summary>
/// The public view of a user. Unlike chai-backend (quirk 5) it never carries the password hash or refresh token,
/// whichever route returns it.
/// </summary>
public sealed record UserDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string Username { get; init; } = string.Empty;
    public string Email { get; init; } = string.Empty;
    public string FullName { get; init; } = string.Empty;
    public MediaUrl Avatar { get; init; }
    public MediaUrl CoverImage { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>The compact owner/subscriber shape embedded in other resources; channel shapes extend it.</summary>
public record UserSummaryDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string Username { get; init; } = string.Empty;
    public string FullName { get; init; } = string.Empty;
    public MediaUrl Avatar { get; init; }
}
