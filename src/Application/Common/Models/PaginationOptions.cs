using System.ComponentModel.DataAnnotations;

namespace VideoTube.Application.Common.Models;

/// <summary>Limits of paged reads (configuration section <c>Pagination</c>).</summary>
public sealed class PaginationOptions
{
    public const string SectionName = "Pagination";

    /// <summary>
    /// How far a filtered or searched list's total is counted: counting every match of a broad search costs as much as
    /// the catalogue, while a page costs a page. Beyond the cap the total reads as the cap, flagged
    /// <c>totalDocsCapped</c>.
    /// </summary>
    [Range(1, 10_000_000)]
    public int CountCap { get; set; } = 10_000;

    /// <summary>
    /// How long an instance remembers that a search had more matches than <see cref="CountCap"/>, and reads its pages
    /// without counting again: only such capped totals can be this old (smaller ones are remembered only while the
    /// catalogue's search version stands, so they stay exact). Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CappedCountTtl { get; set; } = TimeSpan.FromMinutes(1);
}
