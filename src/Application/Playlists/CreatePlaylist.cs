using FluentValidation;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

public sealed record CreatePlaylistCommand(string? Name, string? Description);

public sealed class CreatePlaylistValidator : CommandValidator<CreatePlaylistCommand>
{
    public CreatePlaylistValidator()
    {
        RuleFor(c => c.Name).RequiredText("name").ValidText("name", Playlist.MaxNameLength);
        RuleFor(c => c.Description).ValidText("description", Playlist.MaxDescriptionLength);
    }
}

public sealed class CreatePlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IPlaylistQueries playlists,
    IValidator<CreatePlaylistCommand> validator)
{
    public async Task<PlaylistDto> HandleAsync(CreatePlaylistCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await validator.EnsureValidAsync(command, cancellationToken);
        var playlist = new Playlist
        {
            Name = command.Name!.Trim(),
            // chai-backend's schema required a description; an empty one is a fine default.
            Description = command.Description?.Trim() ?? string.Empty,
            OwnerId = userId,
        };
        db.Playlists.Add(playlist);
        await db.SaveChangesAsync(cancellationToken);
        return await playlists.GetAsync(playlist.Id, userId, cancellationToken);
    }
}
