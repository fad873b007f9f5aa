using Microsoft.EntityFrameworkCore;

namespace VideoTube.Application.Common.Models;

public static class BoundedPageExtensions
{
    /// <summary>
    /// Pages a sorted query in ONE SQL statement, like <see cref="PaginatedListExtensions"/>, but the total is counted
    /// only up to <paramref name="countCap"/> (beyond it: the cap, flagged <c>totalDocsCapped</c>), and the page reads
    /// one row more than it shows, so it knows whether another page follows and can hand out its keyset cursor. After
    /// a cursor the query has already been cut at the cursor's position: no OFFSET, and the page is page 1 of the rest.
    /// </summary>
    public static Task<PaginatedList<T>> ToBoundedPageAsync<T, TCounted>(this IQueryable<T> query,
        IQueryable<TCounted> counted, PageRequest page, bool afterCursor, int countCap, Func<T, string> cursorOf,
        CancellationToken cancellationToken) =>
        PageAsync(query.Select(item => new BoundedRow<T>(item, counted.Take(countCap + 1).LongCount())),
            token => counted.Take(countCap + 1).LongCountAsync(token), page, afterCursor, countCap, cursorOf,
            cancellationToken);

    /// <summary>
    /// As above, but the total is read, not counted: <paramref name="storedTotal"/> is a one-row query over stored
    /// counters, a scalar sub-query of the same statement, so it is exact and never capped.
    /// </summary>
    public static Task<PaginatedList<T>> ToBoundedPageAsync<T>(this IQueryable<T> query, IQueryable<long> storedTotal,
        PageRequest page, bool afterCursor, Func<T, string> cursorOf, CancellationToken cancellationToken) =>
        PageAsync(query.Select(item => new BoundedRow<T>(item, storedTotal.FirstOrDefault())),
            storedTotal.FirstOrDefaultAsync, page, afterCursor, long.MaxValue, cursorOf, cancellationToken);

    /// <summary>
    /// As the counted overload, for a total already known to exceed <paramref name="countCap"/>: the page alone, in the
    /// same shape (the cap, flagged <c>totalDocsCapped</c>), without counting.
    /// </summary>
    public static Task<PaginatedList<T>> ToCappedPageAsync<T>(this IQueryable<T> query, PageRequest page,
        bool afterCursor, int countCap, Func<T, string> cursorOf, CancellationToken cancellationToken)
    {
        var beyondCap = countCap + 1L;
        return PageAsync(query.Select(item => new BoundedRow<T>(item, beyondCap)), _ => Task.FromResult(beyondCap),
            page, afterCursor, countCap, cursorOf, cancellationToken);
    }

    private static async Task<PaginatedList<T>> PageAsync<T>(IQueryable<BoundedRow<T>> rows,
        Func<CancellationToken, Task<long>> totalAlone, PageRequest page, bool afterCursor, long countCap,
        Func<T, string> cursorOf, CancellationToken cancellationToken)
    {
        var read = await rows.ReadPageRowsAsync(page, afterCursor, cancellationToken);
        return await read.ToBoundedPageAsync(totalAlone, page, afterCursor, countCap, cursorOf, cancellationToken);
    }

    /// <summary>
    /// The rows of a bounded page, whatever each row carries beside its item: the page's rows (after the cursor's
    /// position, or after OFFSET), one more than <see cref="PageRequest.Limit"/>.
    /// </summary>
    public static Task<List<TRow>> ReadPageRowsAsync<TRow>(this IQueryable<TRow> rows, PageRequest page,
        bool afterCursor, CancellationToken cancellationToken)
    {
        if (!afterCursor && page.Skip > 0)
            rows = rows.Skip(page.Skip);
        return rows.Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The page from rows already read by a compiled query of the same shape: the page's rows after its position (no
    /// OFFSET), at most one more than <see cref="PageRequest.Limit"/>, each with the total.
    /// </summary>
    public static async Task<PaginatedList<T>> ToBoundedPageAsync<T>(this List<BoundedRow<T>> read,
        Func<CancellationToken, Task<long>> totalAlone, PageRequest page, bool afterCursor, long countCap,
        Func<T, string> cursorOf, CancellationToken cancellationToken)
    {
        // Only an empty page past the end (or after a cursor whose rows were deleted) needs a second statement.
        var total = read.Count > 0 ? read[0].Total
            : !afterCursor && page.Page == 1 ? 0 : await totalAlone(cancellationToken);
        var docs = read.Take(page.Limit).Select(row => row.Item).ToList();
        var more = read.Count > page.Limit;
        return new PaginatedList<T>(docs, Math.Min(total, countCap), page.Limit, afterCursor ? 1 : page.Page)
        {
            TotalDocsCapped = total > countCap,
            MoreAfterPage = more,
            NextCursor = more ? cursorOf(docs[^1]) : null,
        };
    }
}

/// <summary>One row of a bounded page: the item and the total, read by the same statement.</summary>
public sealed record BoundedRow<T>(T Item, long Total);
