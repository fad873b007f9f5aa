namespace VideoTube.Application.Common.Media;

/// <summary>Reads facts about a stored video that the client cannot be trusted to send.</summary>
public interface IVideoProbe
{
    /// <summary>The duration in seconds, or 0 when it cannot be determined (the upload still succeeds).</summary>
    Task<double> GetDurationAsync(string storageKey, CancellationToken cancellationToken);
}
