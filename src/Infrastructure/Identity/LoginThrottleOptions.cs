using System.ComponentModel.DataAnnotations;

namespace VideoTube.Infrastructure.Identity;

/// <summary>
/// Configuration section <c>LoginThrottle</c>, validated at start-up: how many password checks one client may make
/// against one account, and all clients together against one account, per window (OWASP ASVS V2.2.1).
/// </summary>
public sealed class LoginThrottleOptions
{
    public const string SectionName = "LoginThrottle";

    /// <summary>Password checks per (account, client IP) and window; the owner elsewhere is not affected.</summary>
    [Range(1, 1000)]
    public int MaxAttemptsPerClient { get; set; } = 5;

    /// <summary>The higher ceiling per account from all clients together, against guessing from many addresses.</summary>
    [Range(1, 100_000)]
    public int MaxAttemptsPerAccount { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
