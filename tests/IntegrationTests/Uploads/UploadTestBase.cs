using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Uploads;

/// <summary>tus requests spelled out, so the tests read like the protocol.</summary>
public abstract class UploadTestBase : VideoTestBase
{
    protected const string UploadsRoute = "/api/v1/uploads";

    protected static string Metadata(string? title = "My resumable video", string? description = "Sent in pieces",
        string? fileName = "clip.mp4") =>
        string.Join(',', new (string Key, string? Value)[] { ("filename", fileName), ("filetype", "video/mp4"), ("title", title), ("description", description) }
            .Where(pair => pair.Value is not null)
            .Select(pair => $"{pair.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(pair.Value!))}"));

    protected static HttpRequestMessage Tus(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    protected static Task<HttpResponseMessage> CreateAsync(HttpClient client, long length, string? metadata = null)
    {
        var request = Tus(HttpMethod.Post, UploadsRoute);
        request.Headers.Add("Upload-Length", length.ToString());
        request.Headers.Add("Upload-Metadata", metadata ?? Metadata());
        return client.SendAsync(request);
    }

    /// <summary>Creates an upload and returns its URL (the Location header).</summary>
    protected static async Task<string> CreateUploadAsync(HttpClient client, long length, string? metadata = null)
    {
        var response = await CreateAsync(client, length, metadata);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    protected static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, long offset, byte[] bytes,
        string? checksum = null) => PatchAsync(client, url, offset, new ByteArrayContent(bytes), checksum);

    protected static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, long offset, HttpContent content,
        string? checksum = null)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        var request = Tus(HttpMethod.Patch, url, content);
        request.Headers.Add("Upload-Offset", offset.ToString());
        if (checksum is not null)
            request.Headers.Add("Upload-Checksum", checksum);
        return client.SendAsync(request);
    }

    protected static Task<HttpResponseMessage> HeadAsync(HttpClient client, string url) =>
        client.SendAsync(Tus(HttpMethod.Head, url));

    protected static async Task<long> OffsetAsync(HttpClient client, string url)
    {
        var response = await HeadAsync(client, url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return long.Parse(Header(response, "Upload-Offset")!);
    }

    protected static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First()
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.First() : null;

    /// <summary>Uploads <paramref name="bytes"/> in chunks of <paramref name="chunkSize"/>; returns the final PATCH's response.</summary>
    protected static async Task<HttpResponseMessage> UploadInChunksAsync(HttpClient client, string url, byte[] bytes, int chunkSize)
    {
        HttpResponseMessage? last = null;
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            last = await PatchAsync(client, url, offset, bytes[offset..Math.Min(bytes.Length, offset + chunkSize)]);
            Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await last.Content.ReadAsStringAsync());
        }
        return last!;
    }

    /// <summary>The stored bytes of a video, read back through the /media route.</summary>
    protected static async Task<byte[]> DownloadVideoAsync(TestUser owner, Guid videoId)
    {
        var video = await ReadJsonAsync(await owner.Client.GetAsync($"/api/v1/videos/{videoId}"));
        return await owner.Client.GetByteArrayAsync(PathOf(video["data"]!, "videoFile"));
    }

    /// <summary>The upload's id: the last segment of its URL (the Location header).</summary>
    protected static Guid UploadIdOf(string url) => Guid.Parse(url.Split('/')[^1]);

    /// <summary>The storage keys of an upload's parts, read from its row (empty once the row is gone).</summary>
    protected Task<string[]> PartKeysAsync(string url)
    {
        var id = UploadIdOf(url);
        return WithDbAsync(async db => (await db.Uploads.FindAsync(id))?.PartKeys.ToArray() ?? []);
    }

    /// <summary>
    /// Waits (bounded) until a request holds each upload's claim, read from <c>pg_locks</c>: probing with another PATCH
    /// would take the claim itself for a moment and could turn the awaited request away with 409.
    /// </summary>
    /// <param name="whyNot">Says why waiting is pointless (the awaited request ended), or null to go on.</param>
    protected async Task WaitUntilClaimedAsync(IReadOnlyCollection<string> urls, Func<string?>? whyNot = null)
    {
        var ids = urls.Select(UploadIdOf).ToArray();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (whyNot?.Invoke() is { } reason)
                Assert.Fail(reason);
            var claimed = await WithDbAsync(db => db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 1
                  AND ((classid::bigint << 32) | objid::bigint) IN (
                      SELECT hashtextextended('upload:' || id::text, 0) FROM unnest({ids}) AS id)
                """).SingleAsync());
            if (claimed == ids.Length)
                return;
            await Task.Delay(50);
        }
        Assert.Fail("the PATCH never reached its handler");
    }

    protected bool IsStored(string key) => File.Exists(Path.Combine(Factory.MediaRoot, key));
}
