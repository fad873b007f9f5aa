using Amazon.S3.Model;
using VideoTube.Application.Common.Media;

namespace VideoTube.Infrastructure.Storage;

public sealed partial class S3MediaStorage : IRenditionStorage
{
    public async Task<StoredMedia> SaveAtAsync(string key, Stream content, string contentType,
        CancellationToken cancellationToken)
    {
        if (!MediaKeys.IsValidKey(key))
            throw new ArgumentException("Invalid media key", nameof(key));
        // Renditions are HLS segments of a few MB read from local temp files, so one PUT each is enough; a PUT
        // replaces the object atomically, which is what a retried job needs.
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            ContentType = contentType,
            InputStream = content,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        }, cancellationToken);
        return new StoredMedia(key, content.CanSeek ? content.Length : -1);
    }

    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var folder = prefix.TrimEnd('/');
        if (!MediaKeys.IsValidKey(folder))
            return;
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = folder + "/" };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
                await _client.DeleteObjectAsync(Bucket, item.Key, cancellationToken);
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
    }
}
