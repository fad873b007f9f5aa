using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Models;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// How many published videos each recent search matched, so that its next pages need not count them again: counting
/// tests every match (thousands of stored vectors for a common word), while a page reads a few rows. Two kinds of
/// memory, each with its own rule:
/// <list type="bullet">
/// <item>A total up to <c>Pagination:CountCap</c> is exact, and is remembered with the catalogue's
/// <see cref="Domain.Entities.CatalogueCounters.SearchVersion"/> it was counted at. The page's statement reads the
/// current version and counts again only if it moved (any published video added, removed, published, unpublished or
/// re-titled anywhere), so a remembered total is never stale, on this instance or any other.</item>
/// <item>"More than the cap" is remembered for <c>Pagination:CappedCountTtl</c> whatever changes meanwhile, and the
/// page is then read alone: a search with more matches than the cap keeps having more unless thousands of its videos
/// go, and counting it again to the cap after every upload would cost the most exactly where counting is costliest.
/// </item>
/// </list>
/// Only published matches are remembered; the caller's own drafts are counted on every page (from the caller's drafts
/// alone), so one memory serves every caller. Each instance keeps its own: nothing here needs sharing or
/// invalidating between N instances.
/// </summary>
public sealed class SearchTotals(IOptions<PaginationOptions> options, TimeProvider clock)
{
    /// <summary>Bounds memory (a key holds up to a 200-character search): past it, searches are counted every time.</summary>
    private const int MaxEntries = 10_000;

    /// <summary>Matches no version: the catalogue's starts at 0 and only goes up.</summary>
    private const long NoVersion = -1;

    private readonly ConcurrentDictionary<SearchKey, Remembered> _totals = new();
    private long _newestVersion = NoVersion;

    /// <summary>
    /// One total: the same search text and owner filter. The sort, the page and the caller do not change the
    /// published matches, so they are not part of it.
    /// </summary>
    public readonly record struct SearchKey(string Search, Guid? OwnerId);

    /// <summary>Published matches as counted (up to the cap and one) at a version, or above the cap until a time.</summary>
    public readonly record struct Remembered(long PublishedMatches, long SearchVersion, DateTime AboveCapUntil)
    {
        public static readonly Remembered Nothing = new(0, NoVersion, DateTime.MinValue);
    }

    private static readonly char[] Spaces = [' ', '\t', '\r', '\n'];

    /// <summary>
    /// Runs of spaces become one, which cannot change what websearch_to_tsquery parses (they only separate words and
    /// operators). Case is kept: lower-casing is the text-search configuration's job, and depends on the locale.
    /// </summary>
    public static SearchKey KeyOf(string search, Guid? ownerId) =>
        new(string.Join(' ', search.Split(Spaces, StringSplitOptions.RemoveEmptyEntries)), ownerId);

    public bool IsAboveCap(SearchKey key)
    {
        if (!_totals.TryGetValue(key, out var remembered) || remembered.AboveCapUntil == DateTime.MinValue)
            return false;
        if (remembered.AboveCapUntil > clock.GetUtcNow().UtcDateTime)
            return true;
        _totals.TryRemove(new KeyValuePair<SearchKey, Remembered>(key, remembered));
        return false;
    }

    /// <summary>The exact total last counted for this search and the version it holds at, or one holding at none.</summary>
    public Remembered Known(SearchKey key) =>
        _totals.TryGetValue(key, out var remembered) && remembered.AboveCapUntil == DateTime.MinValue
            ? remembered
            : Remembered.Nothing;

    /// <summary>What a page's statement counted (or confirmed) at the version it read.</summary>
    public void Remember(SearchKey key, long publishedMatches, long searchVersion)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Remembered remembered;
        if (publishedMatches <= options.Value.CountCap)
            remembered = new Remembered(publishedMatches, searchVersion, DateTime.MinValue);
        else if (options.Value.CappedCountTtl > TimeSpan.Zero)
            remembered = new Remembered(publishedMatches, searchVersion, now + options.Value.CappedCountTtl);
        else
            return;

        // Every page of a remembered search confirms what is already here: nothing to write, and no pass over the
        // whole dictionary (its Count takes every lock) on the hot path.
        if (_totals.TryGetValue(key, out var current) && current == remembered)
            return;
        RaiseNewestVersion(searchVersion);
        if (_totals.Count >= MaxEntries)
            Prune(now);
        if (_totals.Count < MaxEntries || _totals.ContainsKey(key))
            // A statement that read an older version than the one already remembered must not put it back.
            _totals.AddOrUpdate(key, remembered, (_, old) => old.SearchVersion > searchVersion ? old : remembered);
    }

    private void RaiseNewestVersion(long version)
    {
        var newest = Interlocked.Read(ref _newestVersion);
        while (version > newest)
        {
            var seen = Interlocked.CompareExchange(ref _newestVersion, version, newest);
            if (seen == newest)
                return;
            newest = seen;
        }
    }

    /// <summary>Drops what can no longer be used: capped totals past their time, exact ones of older versions.</summary>
    private void Prune(DateTime now)
    {
        var newest = Interlocked.Read(ref _newestVersion);
        foreach (var (key, remembered) in _totals)
            if (remembered.AboveCapUntil == DateTime.MinValue ? remembered.SearchVersion < newest : remembered.AboveCapUntil <= now)
                _totals.TryRemove(new KeyValuePair<SearchKey, Remembered>(key, remembered));
    }
}
