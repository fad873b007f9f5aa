namespace VideoTube.Seeder;

/// <summary>What later tables need from earlier ones: ids, creation times and popularity orders.</summary>
public sealed class SeedContext(SeedOptions options)
{
    /// <summary>Midnight UTC today: data spans the year before it and stays identical for a seed within one day.</summary>
    public DateTime Now { get; } = DateTime.UtcNow.Date;

    public DateTime YearAgo => Now.AddDays(-365);

    public SeedOptions Options { get; } = options;

    public Guid[] UserIds { get; set; } = [];
    public DateTime[] UserCreated { get; set; } = [];
    public Guid[] VideoIds { get; set; } = [];
    public DateTime[] VideoCreated { get; set; } = [];
    /// <summary>Popularity rank → video index: rank 0 collects the most views, comments, likes and watches.</summary>
    public int[] VideoByRank { get; set; } = [];
    public Guid[] TweetIds { get; set; } = [];
    public DateTime[] TweetCreated { get; set; } = [];
    public Guid[] CommentIds { get; set; } = [];
    public DateTime[] CommentCreated { get; set; } = [];

    /// <summary>An independent stream per table, so changing one table's count leaves the others' data alone.</summary>
    public Random RandomFor(int table) => new(unchecked(Options.Seed * 1_000_003 + table * 7919));

    public static DateTime Latest(DateTime a, DateTime b) => a > b ? a : b;
}
