namespace VideoTube.Domain.Common;

/// <summary>A resource created by one user, who alone may change it.</summary>
public interface IOwned
{
    Guid OwnerId { get; }
}
