namespace VideoTube.Domain.Entities;

/// <summary>
/// The one row of site-wide counters (its id is always <see cref="SingletonId"/>), kept by database triggers: the
/// unfiltered feed reads its total here instead of counting every published video, and a search knows from
/// <see cref="SearchVersion"/> whether a total it counted before still holds.
/// </summary>
public class CatalogueCounters
{
    public const short SingletonId = 1;

    public short Id { get; set; } = SingletonId;
    public long PublishedVideos { get; set; }

    /// <summary>
    /// Goes up with every change that can change which published videos a search matches: a published video added or
    /// removed, published or unpublished, or its title or description edited. Not a count of anything.
    /// </summary>
    public long SearchVersion { get; set; }
}
