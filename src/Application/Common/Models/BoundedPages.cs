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
    public static async Task<PaginatedList<T>> ToBoundedPageAsync<T, TCounted>(this IQueryable<T> query,
        IQueryable<TCounted> counted, PageRequest page, bool afterCursor, int countCap, Func<T, string> cursorOf,
        CancellationToken cancellationToken)
    {
        var rows = query.Select(item => new BoundedRow<T>(item, counted.Take(countCap + 1).LongCount()));
        if (!afterCursor && page.Skip > 0)
            rows = rows.Skip(page.Skip);
        var read = await rows.Take(page.Limit + 1).ToListAsync(cancellationToken);

        // Only an empty page past the end (or after a cursor whose rows were deleted) needs a second statement.
        var total = read.Count > 0 ? read[0].Total
            : !afterCursor && page.Page == 1 ? 0 : await counted.Take(countCap + 1).LongCountAsync(cancellationToken);
        var docs = read.Take(page.Limit).Select(row => row.Item).ToList();
        var more = read.Count > page.Limit;
        return new PaginatedList<T>(docs, Math.Min(total, countCap), page.Limit, afterCursor ? 1 : page.Page)
        {
            TotalDocsCapped = total > countCap,
            MoreAfterPage = more,
            NextCursor = more ? cursorOf(docs[^1]) : null,
        };
    }

    private sealed record BoundedRow<T>(T Item, long Total);
}
