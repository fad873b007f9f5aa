namespace VideoTube.Domain.Entities;

/// <summary>
/// The one row of site-wide counters (its id is always <see cref="SingletonId"/>), kept by database triggers: the
/// unfiltered feed reads its total here instead of counting every published video.
/// </summary>
public class CatalogueCounters
{
    public const short SingletonId = 1;

    public short Id { get; set; } = SingletonId;
    public long PublishedVideos { get; set; }
}
