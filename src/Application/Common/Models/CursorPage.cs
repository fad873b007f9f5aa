namespace VideoTube.Application.Common.Models;

/// <summary>
/// A page of an endless list (a feed read by scrolling): no total and no page numbers, which would cost a count of the
/// whole list on every page; <see cref="NextCursor"/> is null on the last page.
/// </summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Docs, int Limit, string? NextCursor)
{
    public bool HasNextPage => NextCursor is not null;
}
