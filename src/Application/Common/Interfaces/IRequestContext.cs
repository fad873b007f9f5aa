namespace VideoTube.Application.Common.Interfaces;

/// <summary>Client details recorded on login sessions.</summary>
public interface IRequestContext
{
    string? UserAgent { get; }
    string? IpAddress { get; }
}
