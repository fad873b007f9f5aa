using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Common.Interfaces;

/// <summary>
/// Simple command writes and reads through EF Core's LINQ (no repository layer). Aggregations and writes that need
/// PostgreSQL-specific SQL go through each feature's I*Queries port instead; see ADR-006.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<User> Users { get; }
    DbSet<Video> Videos { get; }
    DbSet<Subscription> Subscriptions { get; }
    DbSet<Tweet> Tweets { get; }
    DbSet<Comment> Comments { get; }
    DbSet<Like> Likes { get; }
    DbSet<Playlist> Playlists { get; }
    DbSet<PlaylistVideo> PlaylistVideos { get; }
    DbSet<Upload> Uploads { get; }

    /// <summary>For use cases shared by several entity types (posts).</summary>
    DbSet<TEntity> Set<TEntity>() where TEntity : class;

    /// <summary>Database errors arrive already translated into semantic exceptions (ConflictException...).</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
