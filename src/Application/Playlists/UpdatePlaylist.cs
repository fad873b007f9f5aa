using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

/// <summary>Either field may be left out to keep its value; at least one must be sent.</summary>
public sealed record UpdatePlaylistCommand(Guid PlaylistId, string? Name, string? Description);

public sealed class UpdatePlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IPlaylistQueries playlists)
{
    public async Task<PlaylistDto> HandleAsync(UpdatePlaylistCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        if (command.Name is null && command.Description is null)
            throw new ValidationException("Name or description is required", ["send name, description or both"]);
        var name = command.Name is null ? null : TextInput.Required(command.Name, "name", Playlist.MaxNameLength);
        var description = TextInput.Optional(command.Description, "description", Playlist.MaxDescriptionLength);

        var playlist = await db.GetOwnedAsync(command.PlaylistId, userId, cancellationToken);
        playlist.Name = name ?? playlist.Name;
        playlist.Description = description ?? playlist.Description;
        await db.SaveChangesAsync(cancellationToken);
        return await playlists.GetAsync(playlist.Id, userId, cancellationToken);
    }
}
