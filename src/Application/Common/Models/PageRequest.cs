namespace VideoTube.Application.Common.Models;

/// <summary>
/// Paging input with mongoose-aggregate-paginate's leniency: page is |int| (invalid → 1), limit ≤ 0 or invalid → 10.
/// Unlike the original, limit is capped so a client cannot ask for the whole table.
/// </summary>
public readonly record struct PageRequest(int Page, int Limit)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public int Skip => (Page - 1) * Limit;

    public static PageRequest Parse(string? page, string? limit)
    {
        var parsedPage = int.TryParse(page, out var p) && p != 0 && p != int.MinValue ? Math.Abs(p) : 1;
        var parsedLimit = int.TryParse(limit, out var l) && l > 0 ? Math.Min(l, MaxLimit) : DefaultLimit;
        // Keep (page - 1) * limit inside int range for absurd page numbers.
        parsedPage = Math.Min(parsedPage, int.MaxValue / MaxLimit);
        return new PageRequest(parsedPage, parsedLimit);
    }
}
