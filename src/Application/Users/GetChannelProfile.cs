using System.Text.Json.Serialization;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Users;

public sealed record GetChannelProfileQuery(string? Username);

public sealed record ChannelProfileDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string FullName { get; init; } = string.Empty;
    public string Username { get; init; } = string.Empty;
    public string Avatar { get; init; } = string.Empty;
    public string CoverImage { get; init; } = string.Empty;
    /// <summary>Only on the caller's own channel; null elsewhere (chai-backend showed it to everyone, quirk 12).</summary>
    public string? Email { get; init; }
    public int SubscribersCount { get; init; }
    public int ChannelsSubscribedToCount { get; init; }
    public bool IsSubscribed { get; init; }
}

/// <summary>A user's channel page header, read in ONE statement (<see cref="IUserQueries.FindChannelProfileAsync"/>).</summary>
public sealed class GetChannelProfileHandler(IUserQueries users, ICurrentUser currentUser)
{
    public async Task<ChannelProfileDto> HandleAsync(GetChannelProfileQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Username))
            throw new ValidationException("username is missing");
        return await users.FindChannelProfileAsync(UserInput.NormalizeUsername(query.Username), currentUser.RequiredUserId,
                   cancellationToken)
               ?? throw new NotFoundException("channel does not exists");
    }
}
