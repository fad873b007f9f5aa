using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

public class Comment : Entity
{
    public const int MaxContentLength = 2000;

    public string Content { get; set; } = string.Empty;
    public Guid VideoId { get; set; }
    public Video? Video { get; set; }
    public Guid OwnerId { get; set; }
    public User? Owner { get; set; }
}
