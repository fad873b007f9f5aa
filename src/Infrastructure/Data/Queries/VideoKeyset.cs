using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// One video order (a field, then the id to break ties) and its keyset seek. The seek is a row-value comparison,
/// <c>(created_at, id) &lt; ($1, $2)</c>, which a B-tree on those columns answers as one range: a page after a cursor
/// costs a page however deep it is, where OFFSET reads and discards every row before it.
/// </summary>
internal readonly record struct VideoKeyset(VideoSortField SortBy, bool Descending)
{
    /// <summary>The feeds' default order: newest first.</summary>
    public static readonly VideoKeyset Newest = new(VideoSortField.CreatedAt, Descending: true);

    /// <summary>
    /// The rows after (<paramref name="createdAt"/>, <paramref name="id"/>) in newest-first order. A compiled query uses
    /// it through a field: its captured values are bound to the query's parameters named createdAt and id.
    /// </summary>
    public static Expression<Func<Video, bool>> NewestAfter(DateTime createdAt, Guid id) =>
        v => EF.Functions.LessThan(ValueTuple.Create(v.CreatedAt, v.Id), ValueTuple.Create(createdAt, id));

    public IQueryable<Video> Sort(IQueryable<Video> videos) => (SortBy, Descending) switch
    {
        (VideoSortField.Views, true) => videos.OrderByDescending(v => v.Views).ThenByDescending(v => v.Id),
        (VideoSortField.Views, false) => videos.OrderBy(v => v.Views).ThenBy(v => v.Id),
        (VideoSortField.Duration, true) => videos.OrderByDescending(v => v.Duration).ThenByDescending(v => v.Id),
        (VideoSortField.Duration, false) => videos.OrderBy(v => v.Duration).ThenBy(v => v.Id),
        (VideoSortField.Title, true) => videos.OrderByDescending(v => v.Title).ThenByDescending(v => v.Id),
        (VideoSortField.Title, false) => videos.OrderBy(v => v.Title).ThenBy(v => v.Id),
        (_, true) => videos.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id),
        (_, false) => videos.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id),
    };

    /// <summary>The rows that come after <paramref name="after"/> in this order (all of them when it is null).</summary>
    public IQueryable<Video> Seek(IQueryable<Video> videos, VideoFeedPosition? after)
    {
        if (after is null)
            return videos;
        var id = after.Id;
        switch (SortBy)
        {
            case VideoSortField.Views:
                var views = after.Views;
                return Descending
                    ? videos.Where(v => EF.Functions.LessThan(ValueTuple.Create(v.Views, v.Id), ValueTuple.Create(views, id)))
                    : videos.Where(v => EF.Functions.GreaterThan(ValueTuple.Create(v.Views, v.Id), ValueTuple.Create(views, id)));
            case VideoSortField.Duration:
                var duration = after.Duration;
                return Descending
                    ? videos.Where(v => EF.Functions.LessThan(ValueTuple.Create(v.Duration, v.Id), ValueTuple.Create(duration, id)))
                    : videos.Where(v => EF.Functions.GreaterThan(ValueTuple.Create(v.Duration, v.Id), ValueTuple.Create(duration, id)));
            case VideoSortField.Title:
                var title = after.Title;
                return Descending
                    ? videos.Where(v => EF.Functions.LessThan(ValueTuple.Create(v.Title, v.Id), ValueTuple.Create(title, id)))
                    : videos.Where(v => EF.Functions.GreaterThan(ValueTuple.Create(v.Title, v.Id), ValueTuple.Create(title, id)));
            default:
                var createdAt = after.CreatedAt;
                return Descending
                    ? videos.Where(NewestAfter(createdAt, id))
                    : videos.Where(v => EF.Functions.GreaterThan(ValueTuple.Create(v.CreatedAt, v.Id), ValueTuple.Create(createdAt, id)));
        }
    }

    public string CursorAfter(VideoDto last) => VideoFeedPosition.After(last, SortBy, Descending);
}
