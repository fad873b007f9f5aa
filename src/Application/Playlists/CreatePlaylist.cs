using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

public sealed record CreatePlaylistCommand(string? Name, string? Description);

public sealed class CreatePlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IPlaylistQueries playlists)
{
    public async Task<PlaylistDto> HandleAsync(CreatePlaylistCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var playlist = new Playlist
        {
            Name = TextInput.Required(command.Name, "name", Playlist.MaxNameLength),
            // chai-backend's schema required a description; an empty one is a fine default.
            Description = TextInput.Optional(command.Description, "description", Playlist.MaxDescriptionLength) ?? string.Empty,
            OwnerId = userId,
        };
        db.Playlists.Add(playlist);
        await db.SaveChangesAsync(cancellationToken);
        return await playlists.GetAsync(playlist.Id, userId, cancellationToken);
    }
}
