using System.Text;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>One hostile request. Paths may hold placeholders ({video}, {tweet}, ...) filled in once resources exist.</summary>
public sealed record AbuseCase(string Name, HttpMethod Method, string Path, Func<HttpContent?>? Body = null)
{
    public override string ToString() => Name;

    public static AbuseCase Json(string name, HttpMethod method, string path, string json) =>
        new(name, method, path, () => new StringContent(json, Encoding.UTF8, "application/json"));

    public static AbuseCase Raw(string name, HttpMethod method, string path, string body, string contentType) =>
        new(name, method, path, () =>
        {
            var content = new StringContent(body, Encoding.UTF8);
            // Set unchecked: malformed content types are part of the corpus.
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        });
}
