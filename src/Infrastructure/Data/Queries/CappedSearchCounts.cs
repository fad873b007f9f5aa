using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Models;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// Searches this instance has counted past <c>Pagination:CountCap</c>, remembered for
/// <c>Pagination:CappedCountTtl</c> so that their next pages are read without the count: counting a broad search up to
/// the cap tests thousands of rows, while its page reads a few.
/// </summary>
/// <remarks>
/// Only "more than the cap" is ever remembered; a smaller total is counted on every page, so it stays exact and live.
/// That is also why each instance may keep its own memory, with nothing shared or invalidated between N instances: a
/// search with more matches than the cap keeps having more for the TTL unless thousands of its videos are deleted or
/// unpublished meanwhile, and even then the worst answer is a capped total (the list itself is always read live) that
/// has become countable up to one TTL earlier.
/// </remarks>
public sealed class CappedSearchCounts(IOptions<PaginationOptions> options, TimeProvider clock)
{
    /// <summary>Bounds memory (a key holds up to a 200-character search): past it, searches are counted every time.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<SearchKey, DateTime> _expiries = new();

    /// <summary>
    /// One count: the same search text, owner filter and caller (whose own drafts count too). The sort and the page do
    /// not change the total, so they are not part of it.
    /// </summary>
    public readonly record struct SearchKey(string Search, Guid? OwnerId, Guid? CallerId);

    private TimeSpan Ttl => options.Value.CappedCountTtl;

    private static readonly char[] Spaces = [' ', '\t', '\r', '\n'];

    /// <summary>
    /// Runs of spaces become one, which cannot change what websearch_to_tsquery parses (they only separate words and
    /// operators). Case is kept: lower-casing is the text-search configuration's job, and depends on the locale.
    /// </summary>
    public static SearchKey KeyOf(string search, Guid? ownerId, Guid? callerId) =>
        new(string.Join(' ', search.Split(Spaces, StringSplitOptions.RemoveEmptyEntries)), ownerId, callerId);

    public bool IsAboveCap(SearchKey key)
    {
        if (!_expiries.TryGetValue(key, out var expiresAt))
            return false;
        if (expiresAt > clock.GetUtcNow().UtcDateTime)
            return true;
        _expiries.TryRemove(new KeyValuePair<SearchKey, DateTime>(key, expiresAt));
        return false;
    }

    public void RememberAboveCap(SearchKey key)
    {
        if (Ttl <= TimeSpan.Zero)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (_expiries.Count >= MaxEntries)
            Prune(now);
        if (_expiries.Count < MaxEntries)
            _expiries[key] = now + Ttl;
    }

    private void Prune(DateTime now)
    {
        foreach (var (key, expiresAt) in _expiries)
            if (expiresAt <= now)
                _expiries.TryRemove(new KeyValuePair<SearchKey, DateTime>(key, expiresAt));
    }
}
