using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.Application.Common.Models;

/// <summary>The paginate shape chai-backend's SPAs read (mongoose-aggregate-paginate-v2 default labels).</summary>
public sealed record PaginatedList<T>(IReadOnlyList<T> Docs, long TotalDocs, int Limit, int Page)
{
    public int TotalPages => TotalDocs == 0 ? 1 : (int)Math.Ceiling(TotalDocs / (double)Limit);
    public long PagingCounter => (long)(Page - 1) * Limit + 1;
    public bool HasPrevPage => Page > 1;
    public bool HasNextPage => MoreAfterPage ?? Page < TotalPages;
    public int? PrevPage => HasPrevPage ? Page - 1 : null;
    public int? NextPage => HasNextPage ? Page + 1 : null;

    /// <summary>True when the total was counted only up to the cap: <see cref="TotalDocs"/> is the cap, the list is longer.</summary>
    public bool TotalDocsCapped { get; init; }

    /// <summary>The keyset cursor of the page after this one (null on the last page, or where lists have none).</summary>
    public string? NextCursor { get; init; }

    /// <summary>Whether a row follows this page, when the read knows it (it fetched one row more than the page).</summary>
    [JsonIgnore]
    public bool? MoreAfterPage { get; init; }
}

public static class PaginatedListExtensions
{
    /// <summary>
    /// Pages a query in ONE SQL statement: the total is an uncorrelated scalar sub-query in the select list, which
    /// PostgreSQL evaluates once (an InitPlan), so there is no second round trip. An empty page past the end falls
    /// back to a plain count.
    /// </summary>
    public static Task<PaginatedList<T>> ToPaginatedListAsync<T>(
        this IQueryable<T> query, PageRequest page, CancellationToken cancellationToken) =>
        query.ToPaginatedListAsync(query, page, cancellationToken);

    /// <summary>
    /// As above, but the total is the row count of <paramref name="counted"/>: for page queries that were cut to the
    /// rows the page can reach, so counting them would understate the total.
    /// </summary>
    public static async Task<PaginatedList<T>> ToPaginatedListAsync<T, TCounted>(
        this IQueryable<T> query, IQueryable<TCounted> counted, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(item => new CountedRow<T>(item, counted.LongCount()))
            .Skip(page.Skip)
            .Take(page.Limit)
            .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : (page.Page == 1 ? 0 : await counted.LongCountAsync(cancellationToken));
        return new PaginatedList<T>(rows.Select(row => row.Item).ToList(), total, page.Limit, page.Page);
    }

    /// <summary>
    /// As above, but the total is read, not counted: <paramref name="total"/> is a one-row query over stored counters
    /// (a user's videos_count, the catalogue's published_videos...), a scalar sub-query of the same statement, so the
    /// page costs the same however many rows the list has. No row reads as 0.
    /// </summary>
    public static async Task<PaginatedList<T>> ToPaginatedListWithTotalAsync<T>(
        this IQueryable<T> query, IQueryable<long> total, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(item => new CountedRow<T>(item, total.FirstOrDefault()))
            .Skip(page.Skip)
            .Take(page.Limit)
            .ToListAsync(cancellationToken);
        var count = rows.Count > 0 ? rows[0].Total : await total.FirstOrDefaultAsync(cancellationToken);
        return new PaginatedList<T>(rows.Select(row => row.Item).ToList(), count, page.Limit, page.Page);
    }

    private sealed record CountedRow<T>(T Item, long Total);
}
