namespace VideoTube.Domain.Common;

public abstract class Entity : IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
