using System.ComponentModel.DataAnnotations;

namespace VideoTube.Application.Common.Security;

/// <summary>Access/refresh token settings (configuration section <c>Jwt</c>), validated at start-up.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>HMAC-SHA256 key; at least 32 characters so the key has 256 bits.</summary>
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = string.Empty;

    [Required]
    public string Issuer { get; set; } = "videotube";

    [Required]
    public string Audience { get; set; } = "videotube";

    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(10);

    /// <summary>
    /// How long a just-rotated refresh token still yields its successor (RFC 9700 §4.14.2's reuse detection with the
    /// grace period Auth0 and Okta use): two tabs refreshing at once both keep the session. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RefreshReuseGrace { get; set; } = TimeSpan.FromSeconds(30);
}
