using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
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
            return await ReuseAsync(current, presentedToken, now, cancellationToken);
        if (current.ExpiresAt <= now)
            throw new UnauthorizedException("Refresh token is expired or used");

        var (successor, token) = NewRefreshToken(current.UserId, current.FamilyId, SuccessorOf(presentedToken));
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
            // A parallel refresh with the same token won (the other tab): its rotation has committed, so read it back.
            await transaction.RollbackAsync(cancellationToken);
            var rotated = await db.RefreshTokens.AsNoTracking().Include(t => t.User)
                .SingleAsync(t => t.Id == current.Id, cancellationToken);
            return await ReuseAsync(rotated, presentedToken, now, cancellationToken);
        }

        db.RefreshTokens.Add(successor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Tokens(current.User, successor, token);
    }

    /// <summary>
    /// A revoked token presented again. Within the grace window after its rotation it yields the same successor the
    /// winner got (derived from the presented token, so no usable token is stored), as long as that successor is
    /// still live; later, it means the token leaked and the whole family is revoked (RFC 9700 §4.14.2).
    /// </summary>
    private async Task<SessionTokens> ReuseAsync(RefreshToken revoked, string presentedToken, DateTime now,
        CancellationToken cancellationToken)
    {
        if (revoked.RevocationReason != RotatedReason)
            throw new UnauthorizedException("Refresh token is expired or used");
        var grace = options.Value.RefreshReuseGrace;
        // Compared with the request's start, which may precede a parallel winner's rotation: hence the zero check.
        if (grace > TimeSpan.Zero && revoked.RevokedAt + grace >= now && revoked.ReplacedByTokenId is { } successorId)
        {
            var token = SuccessorOf(presentedToken);
            var hash = TokenHasher.Hash(token);
            var successor = await db.RefreshTokens.AsNoTracking()
                .SingleOrDefaultAsync(t => t.Id == successorId && t.TokenHash == hash, cancellationToken);
            if (successor is { RevokedAt: null } && successor.ExpiresAt > now)
                return Tokens(revoked.User!, successor, token);
            // The successor has moved on (rotated again, or logged out) within the window: refuse without punishing
            // the family, a benign race between tabs rather than a replay.
            throw new UnauthorizedException("Refresh token is expired or used");
        }
        await RevokeFamilyAsync(revoked.FamilyId, "reuse-detected", cancellationToken);
        throw new UnauthorizedException("Refresh token is expired or used");
    }

    /// <summary>
    /// The successor of a refresh token is an HMAC of it under the signing key: every parallel refresh with one token
    /// can hand out the same successor without the database keeping anything but hashes.
    /// </summary>
    private string SuccessorOf(string presentedToken) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.SigningKey),
            Encoding.UTF8.GetBytes("refresh-successor:" + presentedToken)));

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

    private (RefreshToken Entity, string Token) NewRefreshToken(Guid userId, Guid familyId, string? token = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        token ??= TokenHasher.NewToken();
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
