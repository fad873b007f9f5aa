using Microsoft.AspNetCore.Identity;
using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

/// <summary>An account; every user is also a channel others can subscribe to.</summary>
public class User : IdentityUser<Guid>, IAuditable
{
    /// <summary>Stored user names are lower-case and made of these (Identity enforces the same set).</summary>
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
    public const int MinUserNameLength = 3;
    public const int MaxUserNameLength = 30;
    public const int MaxFullNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string FullName { get; set; } = string.Empty;
    /// <summary>Storage keys, never URLs (see <see cref="Video.VideoFileKey"/>); an empty cover key means none.</summary>
    public string AvatarKey { get; set; } = string.Empty;
    public string CoverImageKey { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>
    /// Stored counters, kept by database triggers in the same transaction as the write that changes them (see
    /// <c>CounterTriggers</c>), so a read costs one row instead of a count over the catalogue. Never written by the
    /// application.
    /// </summary>
    public long SubscribersCount { get; set; }
    /// <summary>Channels this user follows.</summary>
    public long SubscriptionsCount { get; set; }
    /// <summary>All own videos, drafts included.</summary>
    public long VideosCount { get; set; }
    public long PublishedVideosCount { get; set; }
    /// <summary>Sum of the views of the user's videos.</summary>
    public long TotalViews { get; set; }
    /// <summary>Likes on the user's videos.</summary>
    public long TotalLikes { get; set; }
    public List<Video> Videos { get; set; } = [];
    /// <summary>Subscriptions to this user's channel.</summary>
    public List<Subscription> Subscribers { get; set; } = [];
    /// <summary>This user's subscriptions to other channels.</summary>
    public List<Subscription> Subscriptions { get; set; } = [];
}
