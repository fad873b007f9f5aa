using Microsoft.Extensions.Logging;
using VideoTube.Application.Common.Media;

namespace VideoTube.Application.Videos;

internal static class VideoFiles
{
    /// <summary>
    /// Deletes files a committed change no longer references. A storage failure here must not turn a successful
    /// request into an error: the data is already consistent and the leftover file is only logged.
    /// </summary>
    public static async Task DeleteQuietlyAsync(IMediaStorage storage, ILogger logger, params string[] keys)
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
