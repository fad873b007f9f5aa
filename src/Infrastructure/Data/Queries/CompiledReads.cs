using System.Linq.Expressions;
using AutoMapper;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Dashboard;
using VideoTube.Application.Videos;
using VideoTube.Application.Users;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data.Interceptors;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// The hottest single-statement reads as EF Core compiled queries (<see cref="CompiledProjection"/>), compiled once
/// per mapping configuration: a singleton the scoped query classes call with their own context. EF's compiled async
/// scalar queries take no cancellation token; these are one-row reads, still bounded by Database:CommandTimeout.
/// </summary>
public sealed class CompiledReads(IConfigurationProvider mapping)
{
    // The visibility rule, stated once in VideoAccess; its captured caller is bound to each query's callerId.
    private static readonly Expression<Func<Video, bool>> Visible = VideoAccess.IsVisibleTo(null);
    // VideoKeyset's newest-first seek; its captured position is bound to each query's createdAt and id.
    private static readonly Expression<Func<Video, bool>> AfterPosition = VideoKeyset.NewestAfter(default, default);
    private static readonly Expression<Func<WatchHistoryEntry, bool>> HistoryVisible =
        VideoAccess.VisibleThrough<WatchHistoryEntry>(h => h.Video, null);

    /// <summary>Through Identity's unique normalized-name index; <c>callerId</c> is the profile's point of view.</summary>
    public Func<ApplicationDbContext, string, Guid, Task<ChannelProfileDto?>> ChannelProfile { get; } =
        EF.CompileAsyncQuery(CompiledProjection.SingleOrDefault<ApplicationDbContext, string, Guid, User, ChannelProfileDto>(
            mapping, (db, normalizedUserName, callerId) => db.Users.Where(u => u.NormalizedUserName == normalizedUserName)));

    public Func<ApplicationDbContext, Guid, Task<ChannelStatsDto?>> ChannelStats { get; } =
        EF.CompileAsyncQuery(CompiledProjection.SingleOrDefault<ApplicationDbContext, Guid, User, ChannelStatsDto>(
            mapping, (db, ownerId) => db.Users.Where(u => u.Id == ownerId)));

    /// <summary>The user's history, newest first, through the one visibility rule.</summary>
    public Func<ApplicationDbContext, Guid, IAsyncEnumerable<VideoDto>> WatchHistory { get; } =
        EF.CompileAsyncQuery(CompiledProjection.Select<ApplicationDbContext, Guid, Video, VideoDto>(mapping,
            (db, callerId) => db.WatchHistory
                .Where(h => h.UserId == callerId)
                .Where(HistoryVisible)
                .OrderByDescending(h => h.WatchedAt)
                .Select(h => h.Video!)));

    /// <summary>One video as the caller may see it.</summary>
    public Func<ApplicationDbContext, Guid, Guid, Task<VideoDetailDto?>> VideoDetail { get; } =
        EF.CompileAsyncQuery(CompiledProjection.SingleOrDefault<ApplicationDbContext, Guid, Guid, Video, VideoDetailDto>(
            mapping, (db, videoId, callerId) => db.Videos.Where(Visible).Where(v => v.Id == videoId)));

    /// <summary>
    /// What the unsearched feed of every channel can show, from stored counters: every published video plus the
    /// caller's own drafts (all their videos minus the published ones), which only the caller sees.
    /// </summary>
    public static readonly Expression<Func<ApplicationDbContext, Guid?, IQueryable<long>>> CatalogueTotal =
        (db, callerId) => db.CatalogueCounters.Where(c => c.Id == CatalogueCounters.SingletonId)
            .Select(c => c.PublishedVideos + db.Users.Where(u => u.Id == callerId)
                .Select(u => u.VideosCount - u.PublishedVideosCount).FirstOrDefault());

    /// <summary>
    /// The home feed in its default order (newest first) from a position (createdAt, id), as
    /// <see cref="VideoQueries.ListAsync"/> builds it for every other order and filter: the published videos and the
    /// caller's drafts, each cut at the page, merged, with <see cref="CatalogueTotal"/> on every row. Its first page
    /// starts before every video (<see cref="NewestFirstFrom"/>). LIMITs are written as numbers
    /// (<see cref="InlinePagingInterceptor"/>). Compiled, because building and funcletizing that query was a quarter of
    /// the API's CPU on a deep page.
    /// </summary>
    public Func<ApplicationDbContext, Guid?, DateTime, Guid, int, IAsyncEnumerable<BoundedRow<VideoDto>>> NewestFeed { get; } =
        EF.CompileAsyncQuery(CompiledProjection.SelectPage<ApplicationDbContext, Guid?, DateTime, Guid, Video, VideoDto>(
            // The caller is "viewerId", not the projection's "callerId": the feed's other orders project without a
            // caller (no failureReason on the caller's own drafts), and this one answers the same.
            mapping, (db, viewerId, createdAt, id, take) => db.Videos.TagWith(InlinePagingInterceptor.Tag)
                .Where(v => v.IsPublished)
                .Where(AfterPosition)
                .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
                .Take(take)
                .Concat(db.Videos
                    .Where(v => !v.IsPublished && v.OwnerId == viewerId)
                    .Where(AfterPosition)
                    .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
                    .Take(take))
                .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id),
            CatalogueTotal));

    /// <summary>
    /// Where a newest-first read (<see cref="NewestFeed"/>, <see cref="SubscriptionFeed"/>) starts: after the cursor's
    /// row, or, without a cursor, before every video: after (infinity, the largest id).
    /// </summary>
    public static (DateTime CreatedAt, Guid Id) NewestFirstFrom(VideoFeedPosition? after) =>
        after is null
            ? (DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), Guid.AllBitsSet)
            : (after.CreatedAt, after.Id);

    /// <summary>
    /// Who follows at least this many channels has their subscription feed walked newest first; who follows fewer has
    /// each followed channel's newest videos merged. Measured at seeder scale 1 (pgbench, 32 clients): merging costs
    /// ~30 µs per followed channel (1,000 channels: 33 tx/s) and walking ~0.9 ms for a user following 7 channels,
    /// ~0.2 ms for one following 1,000 (bench/RESULTS.md).
    /// </summary>
    public const int SubscriptionFeedWalkFrom = 30;

    /// <summary>
    /// A page of a subscription feed: the newest published videos of followed channels after a position (createdAt,
    /// id), one row more than the page; the first page starts before every video (<see cref="NewestFirstFrom"/>).
    /// Which way is cheaper depends on the subscriber, so the statement holds both and chooses by their stored follow
    /// count as it runs (a one-time filter on each branch): PostgreSQL keeps one generic plan for it instead of planning
    /// every call, which was half of its cost and chose the walk even for a user following a handful of channels
    /// (158 tx/s for them).
    /// <list type="bullet">
    /// <item>The walk reads ix_videos_published_created_at_id from the position and probes the subscription key for
    /// each row until the page is full. The probe is a counted sub-query, not <c>Any</c>: an EXISTS would be turned
    /// into a join that a generic plan orders for an average subscriber, reading every followed channel's videos.</item>
    /// <item>The merge reads at most a page of each followed channel's videos through ix_videos_owner_id_created_at_id
    /// and keeps the newest.</item>
    /// </list>
    /// Its LIMITs are written as numbers (<see cref="InlinePagingInterceptor"/>), so the generic plan is costed for
    /// the page.
    /// </summary>
    public Func<ApplicationDbContext, Guid, DateTime, Guid, int, IAsyncEnumerable<VideoDto>> SubscriptionFeed { get; } =
        EF.CompileAsyncQuery(CompiledProjection.Select<ApplicationDbContext, Guid, DateTime, Guid, int, Video, VideoDto>(
            mapping, (db, subscriberId, createdAt, id, take) => db.Videos.TagWith(InlinePagingInterceptor.Tag)
                .Where(v => v.IsPublished)
                .Where(AfterPosition)
                .Where(v => db.Subscriptions.Count(s => s.SubscriberId == subscriberId && s.ChannelId == v.OwnerId) > 0)
                .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
                .Take(take)
                .Where(_ => db.Users.Where(u => u.Id == subscriberId).Select(u => u.SubscriptionsCount)
                    .FirstOrDefault() >= SubscriptionFeedWalkFrom)
                .Concat(db.Subscriptions
                    .Where(s => s.SubscriberId == subscriberId)
                    .SelectMany(s => db.Videos
                        // The seek names the channel on both sides: a correlation that is not a plain equality
                        // keeps this a LATERAL sub-query (EF Core would otherwise number every channel's videos).
                        .Where(v => v.OwnerId == s.ChannelId && v.IsPublished && EF.Functions.LessThan(
                            ValueTuple.Create(v.OwnerId, v.CreatedAt, v.Id), ValueTuple.Create(s.ChannelId, createdAt, id)))
                        .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
                        .Take(take))
                    .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
                    .Take(take)
                    .Where(_ => db.Users.Where(u => u.Id == subscriberId).Select(u => u.SubscriptionsCount)
                        .FirstOrDefault() < SubscriptionFeedWalkFrom))
                .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)));
}
