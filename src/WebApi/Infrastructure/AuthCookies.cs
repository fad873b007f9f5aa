using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>Configuration section <c>AuthCookies</c>.</summary>
public sealed class AuthCookieOptions
{
    public const string SectionName = "AuthCookies";

    /// <summary><c>Lax</c> by default; a SPA on another site needs <c>None</c> (which browsers accept only with Secure).</summary>
    public SameSiteMode SameSite { get; set; } = SameSiteMode.Lax;

    public bool Secure { get; set; } = true;
}

/// <summary>
/// The token cookies. Unlike chai-backend (quirk 10) they carry SameSite and a lifetime, and the refresh token is
/// only sent to the users routes that consume it.
/// </summary>
public sealed class AuthCookies(IOptions<AuthCookieOptions> options)
{
    public const string AccessTokenCookie = "accessToken";
    public const string RefreshTokenCookie = "refreshToken";
    public const string RefreshTokenPath = "/api/v1/users";

    public void Set(HttpResponse response, SessionTokens tokens)
    {
        response.Cookies.Append(AccessTokenCookie, tokens.AccessToken, Cookie("/", tokens.AccessTokenExpiresAt));
        response.Cookies.Append(RefreshTokenCookie, tokens.RefreshToken, Cookie(RefreshTokenPath, tokens.RefreshTokenExpiresAt));
    }

    public void Clear(HttpResponse response)
    {
        response.Cookies.Delete(AccessTokenCookie, Cookie("/", null));
        response.Cookies.Delete(RefreshTokenCookie, Cookie(RefreshTokenPath, null));
    }

    private CookieOptions Cookie(string path, DateTime? expires) => new()
    {
        HttpOnly = true,
        Secure = options.Value.Secure,
        SameSite = options.Value.SameSite,
        Path = path,
        Expires = expires is null ? null : new DateTimeOffset(expires.Value, TimeSpan.Zero),
    };
}
