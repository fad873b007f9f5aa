using Microsoft.Extensions.Logging;

namespace VideoTube.Application.Common.Media;

public static class MediaStorageExtensions
{
    /// <summary>
    /// Deletes media a committed change no longer references. A storage failure here must not turn a successful
    /// request into an error: the data is already consistent and the leftover media is only logged.
    /// </summary>
    public static async Task DeleteQuietlyAsync(this IMediaStorage storage, ILogger logger, params string[] keys)
    {
        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k)))
        {
            try
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not delete media {MediaKey}; it is no longer referenced", key);
            }
        }
    }
}
