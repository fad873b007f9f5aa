namespace VideoTube.Domain.Entities;

/// <summary>
/// One opaque refresh token of a login session. Only its SHA-256 hash is stored. Every login starts a family;
/// each refresh revokes the presented token and issues its successor in the same family, so presenting a token
/// that was already rotated reveals theft and revokes the whole family.
/// </summary>
public class RefreshToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public string TokenHash { get; set; } = string.Empty;
    public Guid FamilyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public Guid? ReplacedByTokenId { get; set; }
    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
