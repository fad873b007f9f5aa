using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

/// <summary>The subscriber follows the channel; both are users.</summary>
public class Subscription : Entity
{
    public Guid SubscriberId { get; set; }
    public User? Subscriber { get; set; }
    public Guid ChannelId { get; set; }
    public User? Channel { get; set; }
}
