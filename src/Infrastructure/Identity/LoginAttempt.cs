namespace VideoTube.Infrastructure.Identity;

/// <summary>
/// Login attempts counted in one window for one throttle key: an (account, client) pair or an account alone. Keyed by
/// the name that was tried, so unknown accounts are counted exactly like real ones. Not a domain concept: only the
/// login throttle reads it.
/// </summary>
public sealed class LoginAttempt
{
    public const int MaxKeyLength = 400;

    public string Key { get; set; } = string.Empty;
    public int Attempts { get; set; }
    public DateTime WindowStartedAt { get; set; }
}
