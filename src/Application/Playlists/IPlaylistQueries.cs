namespace VideoTube.Application.Playlists;

/// <summary>Playlists with the videos or totals the caller may see, and the idempotent add; each ONE statement.</summary>
public interface IPlaylistQueries
{
    /// <summary>The videos in the order they were added; null when the playlist does not exist.</summary>
    Task<PlaylistDto?> FindAsync(Guid playlistId, Guid callerId, CancellationToken cancellationToken);

    /// <summary>Newest first; the totals count only the videos the caller could open.</summary>
    Task<IReadOnlyList<PlaylistSummaryDto>> ListAsync(Guid ownerId, Guid callerId, CancellationToken cancellationToken);

    /// <summary>
    /// Idempotent: a video already in the playlist stays once. Throws <see cref="Common.Exceptions.NotFoundException"/>
    /// when the video or playlist is gone.
    /// </summary>
    Task AddVideoAsync(Guid playlistId, Guid videoId, CancellationToken cancellationToken);
}
