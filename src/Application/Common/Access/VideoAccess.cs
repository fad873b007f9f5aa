using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Common.Access;

/// <summary>Who may see a video, stated once; every query and command over videos goes through it.</summary>
public static class VideoAccess
{
    public const string NotFoundMessage = "Video not found";

    /// <summary>The rule: published videos, and the caller's own drafts.</summary>
    public static Expression<Func<Video, bool>> IsVisibleTo(Guid? callerId) =>
        video => video.IsPublished || video.OwnerId == callerId;

    public static IQueryable<Video> VisibleTo(this IQueryable<Video> videos, Guid? callerId) =>
        videos.Where(IsVisibleTo(callerId));

    /// <summary>
    /// The same rule for rows that reach their video through a navigation (history, likes, playlist entries), built
    /// from <see cref="IsVisibleTo"/> so the rule is not restated.
    /// </summary>
    public static Expression<Func<T, bool>> VisibleThrough<T>(Expression<Func<T, Video?>> navigation, Guid? callerId)
    {
        var rule = IsVisibleTo(callerId);
        var body = new ParameterReplacer(rule.Parameters[0], navigation.Body).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, navigation.Parameters);
    }

    /// <summary>Playlist entries whose video the caller may see (used by the playlist mapping profile).</summary>
    public static Expression<Func<PlaylistVideo, bool>> EntryVisibleTo(Guid? callerId) =>
        VisibleThrough<PlaylistVideo>(entry => entry.Video, callerId);

    /// <summary>
    /// 404 unless the video exists and the caller may see it: published, or their own. An unpublished video of
    /// someone else answers exactly like a missing one, so its existence does not leak.
    /// </summary>
    public static async Task EnsureVisibleAsync(this IQueryable<Video> videos, Guid videoId, Guid userId,
        CancellationToken cancellationToken)
    {
        if (!await videos.VisibleTo(userId).AnyAsync(v => v.Id == videoId, cancellationToken))
            throw new NotFoundException(NotFoundMessage);
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
