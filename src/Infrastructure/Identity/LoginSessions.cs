using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
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
    SessionValidityCache validity,
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

    /// <summary>
    /// Alive while some token of the family is unrevoked and unexpired: one indexed EXISTS, asked only when this
    /// instance has no fresh answer (<see cref="SessionValidityCache"/>).
    /// </summary>
    public async Task<bool> IsActiveAsync(Guid familyId, CancellationToken cancellationToken)
    {
        if (validity.TryGet(familyId, out var known))
            return known;
        var epoch = validity.Epoch;
        var now = clock.GetUtcNow().UtcDateTime;
        var active = await db.RefreshTokens.TagWith(ILoginSessions.SessionCheckTag)
            .AnyAsync(t => t.FamilyId == familyId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
        validity.Store(familyId, active, epoch);
        return active;
    }

    public Task<int> RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken) =>
        RevokeAsync(RevokeFamilySql, familyId, reason, cancellationToken);

    public Task<int> RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken) =>
        RevokeAsync(RevokeUserSql, userId, reason, cancellationToken);

    public Task<Guid?> FindFamilyAsync(string presentedToken, Guid userId, CancellationToken cancellationToken)
    {
        var hash = TokenHasher.Hash(presentedToken);
        return db.RefreshTokens.Where(t => t.TokenHash == hash && t.UserId == userId).Select(t => (Guid?)t.FamilyId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Revokes the matching live tokens and, in the same statement (so in the same transaction), NOTIFYs every instance
    /// of each session that ended; the notification is delivered only if the revocation commits. This instance forgets
    /// the sessions at once, so its next request sees the end without waiting for its own notification.
    /// </summary>
    private static readonly string RevokeFamilySql = RevokeSql("family_id");
    private static readonly string RevokeUserSql = RevokeSql("user_id");

    /// <summary>
    /// Revokes the live tokens whose <paramref name="column"/> is @key and, in the same statement (so in the same
    /// transaction), NOTIFYs every instance of each session that ended: the notification goes out only if the
    /// revocation commits. Returns the ended sessions.
    /// </summary>
    private static string RevokeSql(string column) => $"""
        WITH revoked AS (
            UPDATE refresh_tokens SET revoked_at = @now, revocation_reason = @reason
            WHERE {column} = @key AND revoked_at IS NULL
            RETURNING family_id)
        SELECT ended.family_id AS "Value"
        FROM (SELECT DISTINCT family_id FROM revoked) AS ended,
             LATERAL pg_notify('{SessionValidityCache.Channel}', ended.family_id::text) AS notified
        """;

    /// <summary>
    /// This instance forgets the ended sessions at once, so its next request sees the end without waiting for its own
    /// notification to come back.
    /// </summary>
    private async Task<int> RevokeAsync(string sql, Guid key, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.Database.SqlQueryRaw<Guid>(sql,
                new NpgsqlParameter("now", now), new NpgsqlParameter("reason", reason), new NpgsqlParameter("key", key))
            .ToListAsync(cancellationToken);
        foreach (var familyId in ended)
            validity.Revoked(familyId);
        return ended.Count;
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
