using System.Linq.Expressions;
using AutoMapper;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Dashboard;
using VideoTube.Application.Videos;
using VideoTube.Application.Users;
using VideoTube.Domain.Entities;

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
    /// The first page of a subscription feed: the newest published videos of followed channels (a semi-join on the
    /// subscription key, walked along ix_videos_published_created_at_id), one row more than the page.
    /// </summary>
    public Func<ApplicationDbContext, Guid, int, IAsyncEnumerable<VideoDto>> SubscriptionFeed { get; } =
        EF.CompileAsyncQuery(CompiledProjection.Select<ApplicationDbContext, Guid, int, Video, VideoDto>(mapping,
            (db, subscriberId, take) => db.Videos
                .Where(v => v.IsPublished
                    && db.Subscriptions.Any(s => s.SubscriberId == subscriberId && s.ChannelId == v.OwnerId))
                .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
                .Take(take)));

    /// <summary>A later page of a subscription feed, after a cursor's (createdAt, id): VideoKeyset's seek for the
    /// newest-first order, written out because a compiled query cannot call it.</summary>
    public Func<ApplicationDbContext, Guid, DateTime, Guid, int, IAsyncEnumerable<VideoDto>> SubscriptionFeedAfter { get; } =
        EF.CompileAsyncQuery(CompiledProjection.Select<ApplicationDbContext, Guid, DateTime, Guid, int, Video, VideoDto>(
            mapping, (db, subscriberId, createdAt, id, take) => db.Videos
                .Where(v => v.IsPublished
                    && db.Subscriptions.Any(s => s.SubscriberId == subscriberId && s.ChannelId == v.OwnerId))
                .Where(v => EF.Functions.LessThan(ValueTuple.Create(v.CreatedAt, v.Id), ValueTuple.Create(createdAt, id)))
                .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
                .Take(take)));
}
