using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Security;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed record SessionTokens(
    User User, string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt);

/// <summary>
/// Login sessions as refresh-token families (ADR-004). A family starts at login; each refresh rotates the token;
/// presenting a rotated token again means it leaked, so the whole family is revoked.
/// </summary>
public sealed class LoginSessions(
    IApplicationDbContext db,
    IAccessTokenIssuer accessTokens,
    IRequestContext request,
    IOptions<JwtOptions> options,
    TimeProvider clock)
{
    public const string RotatedReason = "rotated";

    public async Task<SessionTokens> StartAsync(User user, CancellationToken cancellationToken)
    {
        var (entity, token) = NewRefreshToken(user.Id, familyId: Guid.CreateVersion7());
        db.RefreshTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return Tokens(user, entity, token);
    }

    public async Task<SessionTokens> RotateAsync(string presentedToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = TokenHasher.Hash(presentedToken);
        var current = await db.RefreshTokens.AsNoTracking().Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);

        if (current?.User is null)
            throw new UnauthorizedException("Invalid refresh token");
        if (current.RevokedAt is not null)
        {
            if (current.RevocationReason == RotatedReason)
                await RevokeFamilyAsync(current.FamilyId, "reuse-detected", cancellationToken);
            throw new UnauthorizedException("Refresh token is expired or used");
        }
        if (current.ExpiresAt <= now)
            throw new UnauthorizedException("Refresh token is expired or used");

        var (successor, token) = NewRefreshToken(current.UserId, current.FamilyId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The conditional UPDATE is the race arbiter: of two parallel refreshes with one token only one matches.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == current.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.RevokedAt, now)
                .SetProperty(t => t.RevocationReason, RotatedReason)
                .SetProperty(t => t.ReplacedByTokenId, successor.Id), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await RevokeFamilyAsync(current.FamilyId, "reuse-detected", cancellationToken);
            throw new UnauthorizedException("Refresh token is expired or used");
        }

        db.RefreshTokens.Add(successor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Tokens(current.User, successor, token);
    }

    /// <summary>Tags the per-request session check in SQL logs and lets tests tell it from a route's own queries.</summary>
    public const string SessionCheckTag = "session-check";

    /// <summary>
    /// Whether an access token's session is still alive: some token of its family is unrevoked and unexpired. Checked on
    /// every authenticated request, so logout, a password change or detected reuse also ends the access tokens already
    /// handed out (chai-backend let them live until expiry, quirk 8). One indexed EXISTS.
    /// </summary>
    public Task<bool> IsActiveAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RefreshTokens.TagWith(SessionCheckTag)
            .AnyAsync(t => t.FamilyId == familyId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    public Task<int> RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken) =>
        RevokeAsync(db.RefreshTokens.Where(t => t.FamilyId == familyId), reason, cancellationToken);

    public Task<int> RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken) =>
        RevokeAsync(db.RefreshTokens.Where(t => t.UserId == userId), reason, cancellationToken);

    /// <summary>The family of a presented token, if it is one of <paramref name="userId"/>'s tokens.</summary>
    public Task<Guid?> FindFamilyAsync(string presentedToken, Guid userId, CancellationToken cancellationToken)
    {
        var hash = TokenHasher.Hash(presentedToken);
        return db.RefreshTokens.Where(t => t.TokenHash == hash && t.UserId == userId).Select(t => (Guid?)t.FamilyId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private Task<int> RevokeAsync(IQueryable<RefreshToken> tokens, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return tokens.Where(t => t.RevokedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.RevokedAt, now)
            .SetProperty(t => t.RevocationReason, reason), cancellationToken);
    }

    private (RefreshToken Entity, string Token) NewRefreshToken(Guid userId, Guid familyId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = TokenHasher.NewToken();
        var entity = new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = TokenHasher.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
            UserAgent = Truncate(request.UserAgent, 512),
            IpAddress = Truncate(request.IpAddress, 64),
        };
        return (entity, token);
    }

    private SessionTokens Tokens(User user, RefreshToken refreshToken, string token)
    {
        var access = accessTokens.Issue(user, refreshToken.FamilyId);
        return new SessionTokens(user, access.Value, access.ExpiresAt, token, refreshToken.ExpiresAt);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
