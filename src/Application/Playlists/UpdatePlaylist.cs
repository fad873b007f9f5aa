using FluentValidation;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

/// <summary>Either field may be left out to keep its value; at least one must be sent.</summary>
public sealed record UpdatePlaylistCommand(Guid PlaylistId, string? Name, string? Description);

public sealed class UpdatePlaylistValidator : CommandValidator<UpdatePlaylistCommand>
{
    public UpdatePlaylistValidator()
    {
        RuleFor(c => c).Must(c => c.Name is not null || c.Description is not null)
            .Reported("Name or description is required", "send name, description or both");
        RuleFor(c => c.Name).RequiredText("name").ValidText("name", Playlist.MaxNameLength).When(c => c.Name is not null);
        RuleFor(c => c.Description).ValidText("description", Playlist.MaxDescriptionLength);
    }
}

public sealed class UpdatePlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IPlaylistQueries playlists,
    IValidator<UpdatePlaylistCommand> validator)
{
    public async Task<PlaylistDto> HandleAsync(UpdatePlaylistCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await validator.EnsureValidAsync(command, cancellationToken);

        var playlist = await db.GetOwnedAsync(command.PlaylistId, userId, cancellationToken);
        playlist.Name = command.Name?.Trim() ?? playlist.Name;
        playlist.Description = command.Description?.Trim() ?? playlist.Description;
        await db.SaveChangesAsync(cancellationToken);
        return await playlists.GetAsync(playlist.Id, userId, cancellationToken);
    }
}
