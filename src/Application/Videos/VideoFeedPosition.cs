using System.Globalization;
using VideoTube.Application.Common.Models;

namespace VideoTube.Application.Videos;

/// <summary>
/// Where a keyset page of videos starts: after the row with this sort value and id (the id breaks ties, as in the
/// sort). Its cursor names the sort it was made for, so it cannot be replayed against another order.
/// </summary>
public sealed record VideoFeedPosition(VideoSortField SortBy, bool Descending, string Value, Guid Id)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public DateTime CreatedAt => new(long.Parse(Value, Invariant), DateTimeKind.Utc);
    public long Views => long.Parse(Value, Invariant);
    public double Duration => double.Parse(Value, Invariant);
    public string Title => Value;

    public static VideoFeedPosition Parse(string cursor, VideoSortField sortBy, bool descending)
    {
        var key = KeysetCursor.Decode(cursor, SortKey(sortBy, descending));
        var valid = sortBy switch
        {
            VideoSortField.CreatedAt => long.TryParse(key.Value, NumberStyles.None, Invariant, out var ticks)
                                        && ticks <= DateTime.MaxValue.Ticks,
            VideoSortField.Views => long.TryParse(key.Value, NumberStyles.AllowLeadingSign, Invariant, out _),
            VideoSortField.Duration => double.TryParse(key.Value, NumberStyles.Float, Invariant, out var seconds)
                                       && double.IsFinite(seconds),
            _ => true,
        };
        if (!valid)
            throw KeysetCursor.Invalid("cursor is not one this API issued");
        return new VideoFeedPosition(sortBy, descending, key.Value, key.Id);
    }

    /// <summary>The cursor of the page that follows <paramref name="last"/>.</summary>
    public static string After(VideoFieldsDto last, VideoSortField sortBy, bool descending) =>
        new KeysetCursor(SortKey(sortBy, descending), sortBy switch
        {
            VideoSortField.Views => last.Views.ToString(Invariant),
            VideoSortField.Duration => last.Duration.ToString("R", Invariant),
            VideoSortField.Title => last.Title,
            _ => last.CreatedAt.Ticks.ToString(Invariant),
        }, last.Id).Encode();

    private static string SortKey(VideoSortField sortBy, bool descending) =>
        $"{sortBy.ToString().ToLowerInvariant()}.{(descending ? "desc" : "asc")}";
}
