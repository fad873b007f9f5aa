using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Common.Interfaces;

/// <summary>Use cases read and write through EF Core directly (no repository layer); see ADR-001.</summary>
public interface IApplicationDbContext
{
    DbSet<User> Users { get; }
    DbSet<RefreshToken> RefreshTokens { get; }
    DbSet<Video> Videos { get; }
    DbSet<Subscription> Subscriptions { get; }
    DbSet<WatchHistoryEntry> WatchHistory { get; }
    DbSet<Tweet> Tweets { get; }
    DbSet<Comment> Comments { get; }
    DbSet<Like> Likes { get; }
    DbSet<Playlist> Playlists { get; }
    DbSet<PlaylistVideo> PlaylistVideos { get; }
    DbSet<Upload> Uploads { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
