namespace VideoTube.Domain.Entities;

/// <summary>One row per (user, video); watching again moves it to the top by updating <see cref="WatchedAt"/>.</summary>
public class WatchHistoryEntry
{
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public Guid VideoId { get; set; }
    public Video? Video { get; set; }
    public DateTime WatchedAt { get; set; }
}
