using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data;

/// <summary>
/// Identity's user store (users only: no roles are needed) plus the platform's tables. Table and column names are
/// snake_case through the naming convention; each entity's mapping lives in its own configuration class.
/// </summary>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityUserContext<User, Guid>(options), IApplicationDbContext
{
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Video> Videos => Set<Video>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<WatchHistoryEntry> WatchHistory => Set<WatchHistoryEntry>();
    public DbSet<Tweet> Tweets => Set<Tweet>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Like> Likes => Set<Like>();
    public DbSet<Playlist> Playlists => Set<Playlist>();
    public DbSet<PlaylistVideo> PlaylistVideos => Set<PlaylistVideo>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<CatalogueCounters> CatalogueCounters => Set<CatalogueCounters>();

    /// <summary>Database errors leave as semantic exceptions (a duplicate as ConflictException...), never as SQLSTATEs.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (Exception exception) when (DatabaseErrorTranslator.ToAppException(exception) is { } translated)
        {
            throw translated;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(Assembly.GetExecutingAssembly());
    }
}
