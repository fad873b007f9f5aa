using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

public class Tweet : Entity
{
    public const int MaxContentLength = 280;

    public string Content { get; set; } = string.Empty;
    public Guid OwnerId { get; set; }
    public User? Owner { get; set; }
}
