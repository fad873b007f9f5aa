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
    /// Pages a query in ONE SQL statement with a total that is read, not counted: <paramref name="total"/> is a one-row
    /// query over stored counters (a user's videos_count, a video's comments_count...), a scalar sub-query of the same
    /// statement, so the page costs the same however many rows the list has. No row reads as 0; only an empty page
    /// needs a second statement, for the total alone.
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
