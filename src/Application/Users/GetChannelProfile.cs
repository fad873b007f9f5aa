using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
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

/// <summary>A user's channel page header, read in ONE statement (counts and the caller's subscription as sub-queries).</summary>
public sealed class GetChannelProfileHandler(IApplicationDbContext db, ICurrentUser currentUser)
{
    public async Task<ChannelProfileDto> HandleAsync(GetChannelProfileQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Username))
            throw new BadRequestException("username is missing");
        var callerId = currentUser.RequiredUserId;
        // Usernames are stored lower-case; the lookup goes through Identity's unique normalized-name index.
        var normalized = UserInput.NormalizeUsername(query.Username).ToUpperInvariant();

        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
                   .Select(u => new ChannelProfileDto
                   {
                       Id = u.Id,
                       FullName = u.FullName,
                       Username = u.UserName!,
                       Avatar = u.Avatar,
                       CoverImage = u.CoverImage,
                       Email = u.Id == callerId ? u.Email : null,
                       SubscribersCount = db.Subscriptions.Count(s => s.ChannelId == u.Id),
                       ChannelsSubscribedToCount = db.Subscriptions.Count(s => s.SubscriberId == u.Id),
                       IsSubscribed = db.Subscriptions.Any(s => s.ChannelId == u.Id && s.SubscriberId == callerId),
                   })
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException("channel does not exists");
    }
}
