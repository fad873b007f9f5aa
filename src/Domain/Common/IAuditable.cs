namespace VideoTube.Domain.Common;

/// <summary>Timestamps set by the persistence layer on insert and update, never by use cases.</summary>
public interface IAuditable
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
