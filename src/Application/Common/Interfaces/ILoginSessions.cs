using VideoTube.Domain.Entities;

namespace VideoTube.Application.Common.Interfaces;

/// <summary>
/// Login sessions as refresh-token families (ADR-004): a family starts at login, each refresh rotates the token, and a
/// rotated token presented again means it leaked, so the whole family is revoked. Implemented in Infrastructure.
/// </summary>
public interface ILoginSessions
{
    /// <summary>Tags the per-request session check in SQL logs and lets tests tell it from a route's own queries.</summary>
    const string SessionCheckTag = "session-check";

    Task<SessionTokens> StartAsync(User user, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="Exceptions.UnauthorizedException"/> for an unknown, expired or reused token.</summary>
    Task<SessionTokens> RotateAsync(string presentedToken, CancellationToken cancellationToken);

    /// <summary>
    /// Whether an access token's session is still alive. Checked on every authenticated request, so logout, a password
    /// change or detected reuse also ends the access tokens already handed out (chai-backend let them live, quirk 8).
    /// The answer may come from memory: revocations are broadcast to every instance.
    /// </summary>
    Task<bool> IsActiveAsync(Guid familyId, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the session everywhere: every instance hears of it at once (not only when a cached check expires). Returns
    /// the number of sessions that were still alive and are now ended.
    /// </summary>
    Task<int> RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken);

    /// <summary>Ends every session of the user, everywhere; returns how many were still alive.</summary>
    Task<int> RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken);

    /// <summary>The family of a presented token, if it is one of <paramref name="userId"/>'s tokens.</summary>
    Task<Guid?> FindFamilyAsync(string presentedToken, Guid userId, CancellationToken cancellationToken);
}

public sealed record SessionTokens(
    User User, string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt);
