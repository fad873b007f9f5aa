using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Security;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;

namespace VideoTube.Infrastructure.Identity;

/// <summary>The refresh-token table behind <see cref="ILoginSessions"/>; rotation is one transaction.</summary>
public sealed class LoginSessions(
    ApplicationDbContext db,
    IAccessTokenIssuer accessTokens,
    IRequestContext request,
    IOptions<JwtOptions> options,
    TimeProvider clock) : ILoginSessions
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

    /// <summary>Alive while some token of the family is unrevoked and unexpired: one indexed EXISTS.</summary>
    public Task<bool> IsActiveAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RefreshTokens.TagWith(ILoginSessions.SessionCheckTag)
            .AnyAsync(t => t.FamilyId == familyId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    public Task<int> RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken) =>
        RevokeAsync(db.RefreshTokens.Where(t => t.FamilyId == familyId), reason, cancellationToken);

    public Task<int> RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken) =>
        RevokeAsync(db.RefreshTokens.Where(t => t.UserId == userId), reason, cancellationToken);

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
