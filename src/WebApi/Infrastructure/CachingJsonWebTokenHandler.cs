using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Remembers the access tokens it has validated, so a client's every request does not parse the same token, check its
/// signature and build its claims again: that was about a third of a short read's allocations (bench/RESULTS.md,
/// ADR-016). Only valid tokens are remembered (a flood of forged ones cannot fill it) and each is answered from memory
/// only until it expires. An instance serves one bearer scheme, whose validation parameters are fixed at start-up, so
/// the token alone is the key. Whether the token's session is still alive is not part of this answer: the bearer's
/// OnTokenValidated asks that on every request, so logout and password change still end a token at once.
/// </summary>
public sealed class CachingJsonWebTokenHandler : JsonWebTokenHandler
{
    /// <summary>
    /// At most this many tokens (a few KiB each) are kept; past it the expired ones go, and if none has expired all go.
    /// One token per active session and access-token lifetime, so this covers thousands of users per instance.
    /// </summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Validated> validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token,
        TokenValidationParameters validationParameters)
    {
        // The system clock, as the lifetime check itself reads it.
        var now = DateTime.UtcNow;
        if (validated.TryGetValue(token, out var known) && now < known.Until)
            return known.Result;

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result is { IsValid: true, SecurityToken: { } securityToken })
        {
            // The claims are built lazily; build them now, before the result is shared between requests.
            _ = result.ClaimsIdentity;
            if (validated.Count >= Capacity)
                Evict(now);
            // Same end as the lifetime check: expiry plus the allowed clock skew.
            validated[token] = new Validated(result, securityToken.ValidTo + validationParameters.ClockSkew);
        }
        return result;
    }

    private void Evict(DateTime now)
    {
        foreach (var (token, entry) in validated)
            if (entry.Until <= now)
                validated.TryRemove(token, out _);
        if (validated.Count >= Capacity)
            validated.Clear();
    }

    private sealed record Validated(TokenValidationResult Result, DateTime Until);
}
