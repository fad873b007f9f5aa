using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Playlists;

public sealed record DeletePlaylistCommand(Guid PlaylistId);

public sealed class DeletePlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser)
{
    public async Task HandleAsync(DeletePlaylistCommand command, CancellationToken cancellationToken)
    {
        var playlist = await db.GetOwnedAsync(command.PlaylistId, currentUser.RequiredUserId, cancellationToken);
        // Its entries go with it (the foreign key cascades); the videos themselves stay.
        db.Playlists.Remove(playlist);
        await db.SaveChangesAsync(cancellationToken);
    }
}
