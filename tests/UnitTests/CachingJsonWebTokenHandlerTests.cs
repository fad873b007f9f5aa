using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoTube.WebApi.Infrastructure;

namespace VideoTube.UnitTests;

/// <summary>A remembered token is answered without validating it again, but never past its expiry and never if invalid.</summary>
public sealed class CachingJsonWebTokenHandlerTests
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes(new string('k', 64)));

    /// <summary>Parameters whose lifetime check counts how often the token was really validated.</summary>
    private static TokenValidationParameters CountingParameters(Func<int> onLifetimeCheck, bool acceptAnyLifetime = false) => new()
    {
        ValidIssuer = "videotube",
        ValidAudience = "videotube",
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            onLifetimeCheck();
            return acceptAnyLifetime || expires > DateTime.UtcNow;
        },
    };

    private static string Token(DateTime expires, SecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "videotube",
        Audience = "videotube",
        IssuedAt = expires.AddMinutes(-15),
        NotBefore = expires.AddMinutes(-15),
        Expires = expires,
        Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())]),
        SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
    });

    [Test]
    public async Task A_valid_token_is_validated_once_and_then_answered_from_memory()
    {
        var checks = 0;
        var parameters = CountingParameters(() => ++checks);
        var handler = new CachingJsonWebTokenHandler();
        var token = Token(DateTime.UtcNow.AddMinutes(10));

        var first = await handler.ValidateTokenAsync(token, parameters);
        var second = await handler.ValidateTokenAsync(token, parameters);

        Assert.Multiple(() =>
        {
            Assert.That(first.IsValid && second.IsValid, Is.True);
            Assert.That(second.ClaimsIdentity.FindFirst("sub")?.Value, Is.EqualTo(first.ClaimsIdentity.FindFirst("sub")?.Value));
            Assert.That(checks, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_remembered_token_past_its_expiry_is_validated_again()
    {
        // The lifetime check here accepts anything, so only the cache's own expiry can send the token back to it.
        var checks = 0;
        var parameters = CountingParameters(() => ++checks, acceptAnyLifetime: true);
        var handler = new CachingJsonWebTokenHandler();
        var token = Token(DateTime.UtcNow.AddMinutes(-1));

        await handler.ValidateTokenAsync(token, parameters);
        await handler.ValidateTokenAsync(token, parameters);

        Assert.That(checks, Is.EqualTo(2));
    }

    [Test]
    public async Task An_invalid_token_is_never_remembered()
    {
        var checks = 0;
        var parameters = CountingParameters(() => ++checks);
        var handler = new CachingJsonWebTokenHandler();
        var expired = Token(DateTime.UtcNow.AddMinutes(-1));
        var forged = Token(DateTime.UtcNow.AddMinutes(10), new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('x', 64))));

        var expiredResults = new[] { await handler.ValidateTokenAsync(expired, parameters), await handler.ValidateTokenAsync(expired, parameters) };
        var expiredChecks = checks;
        var forgedResults = new[] { await handler.ValidateTokenAsync(forged, parameters), await handler.ValidateTokenAsync(forged, parameters) };

        Assert.Multiple(() =>
        {
            Assert.That(expiredResults.Concat(forgedResults).Any(r => r.IsValid), Is.False);
            Assert.That(expiredChecks, Is.EqualTo(2), "the expired token was validated each time");
        });
    }

    [Test]
    public async Task Memory_stays_bounded_by_its_capacity()
    {
        var handler = new CachingJsonWebTokenHandler();
        var expires = DateTime.UtcNow.AddMinutes(10);
        var checks = 0;
        var filling = true;
        var parameters = CountingParameters(() => filling ? 0 : ++checks);

        var tokens = Enumerable.Range(0, CachingJsonWebTokenHandler.Capacity + 1).Select(_ => Token(expires)).ToList();
        foreach (var token in tokens)
            await handler.ValidateTokenAsync(token, parameters);
        filling = false;
        // The last token went in after the cache was emptied at capacity; the first is gone with the rest.
        await handler.ValidateTokenAsync(tokens[^1], parameters);
        await handler.ValidateTokenAsync(tokens[0], parameters);

        Assert.That(checks, Is.EqualTo(1));
    }
}
