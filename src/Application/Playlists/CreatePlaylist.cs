using AutoMapper;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

public sealed record CreatePlaylistCommand(string? Name, string? Description);

public sealed class CreatePlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
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
        return await db.GetDtoAsync(mapper, playlist.Id, userId, cancellationToken);
    }
}
