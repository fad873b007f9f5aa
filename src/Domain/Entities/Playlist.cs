using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

public class Playlist : Entity, IOwned
{
    public const int MaxNameLength = 150;
    public const int MaxDescriptionLength = 5000;

    public string Name { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public Guid OwnerId { get; set; }
    public User? Owner { get; set; }
    public List<PlaylistVideo> Videos { get; set; } = [];
}
