using FluentValidation;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Validation;
using VideoTube.Application.Subscriptions;

namespace VideoTube.Application.Users;

public sealed record GetChannelProfileQuery(string? Username);

/// <summary>A channel page header: the channel summary plus what only its page shows.</summary>
public sealed record ChannelProfileDto : ChannelSummaryDto
{
    public MediaUrl CoverImage { get; init; }
    /// <summary>Only on the caller's own channel; null elsewhere (chai-backend showed it to everyone, quirk 12).</summary>
    public string? Email { get; init; }
    public int ChannelsSubscribedToCount { get; init; }
    public bool IsSubscribed { get; init; }
}

/// <summary>A user's channel page header, read in ONE statement (<see cref="IUserQueries.FindChannelProfileAsync"/>).</summary>
public sealed class GetChannelProfileValidator : CommandValidator<GetChannelProfileQuery>
{
    public GetChannelProfileValidator() =>
        RuleFor(q => q.Username).Must(username => !string.IsNullOrWhiteSpace(username)).WithMessage("username is missing");
}

public sealed class GetChannelProfileHandler(IUserQueries users, ICurrentUser currentUser,
    IValidator<GetChannelProfileQuery> validator)
{
    public async Task<ChannelProfileDto> HandleAsync(GetChannelProfileQuery query, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(query, cancellationToken);
        return await users.FindChannelProfileAsync(UserInput.NormalizeUsername(query.Username!), currentUser.RequiredUserId,
                   cancellationToken)
               ?? throw new NotFoundException("channel does not exists");
    }
}
