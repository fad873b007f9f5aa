using Microsoft.AspNetCore.Identity;
using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

/// <summary>An account; every user is also a channel others can subscribe to.</summary>
public class User : IdentityUser<Guid>, IAuditable
{
    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string FullName { get; set; } = string.Empty;
    public string Avatar { get; set; } = string.Empty;
    public string CoverImage { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
