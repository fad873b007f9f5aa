using System.ComponentModel.DataAnnotations;

namespace VideoTube.Infrastructure.Identity;

/// <summary>Configuration section <c>Sessions</c>, validated at start-up.</summary>
public sealed class SessionsOptions
{
    public const string SectionName = "Sessions";

    /// <summary>
    /// How long an instance trusts a session check it has made, instead of asking the database on every authenticated
    /// request. Revocations reach every instance at once through NOTIFY <see cref="SessionValidityCache.Channel"/>;
    /// this bounds what a notification lost while the listener still looked healthy could leave valid. Zero turns the
    /// cache off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ValidityCacheTtl { get; set; } = TimeSpan.FromSeconds(30);
}
