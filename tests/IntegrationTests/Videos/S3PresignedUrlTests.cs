using System.Net;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>
/// With <c>Storage:S3:PresignedUrls</c> the responses carry presigned GET URLs that clients fetch from the store
/// itself (s3rver here), bypassing the API. Skipped when s3rver is not installed (npm install -g s3rver).
/// </summary>
public sealed class S3PresignedUrlTests : VideoTestBase
{
    private readonly S3rver _s3rver = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(_s3rver.Settings)
    {
        ["Storage:S3:PresignedUrls"] = "true",
        ["Storage:S3:PresignedUrlExpiry"] = "00:10:00",
    };

    [OneTimeSetUp]
    public Task StartS3rverAsync() => _s3rver.StartOrIgnoreAsync();

    [OneTimeTearDown]
    public void StopS3rver() => _s3rver.Dispose();

    [Test]
    public async Task Responses_carry_presigned_urls_that_the_store_serves()
    {
        var owner = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(30_000);
        var published = await PublishAsync(owner, bytes);
        var video = await (await owner.Client.GetAsync($"/api/v1/videos/{SocialRequests.IdOf(published)}")).DataAsync();
        var user = await (await owner.Client.GetAsync("/api/v1/users/current-user")).DataAsync();

        using var outsider = new HttpClient(); // no API in between, no token
        foreach (var url in new[] { video["videoFile"], video["thumbnail"], user["avatar"] }.Select(n => n!.GetValue<string>()))
        {
            Assert.That(url, Does.StartWith($"{_s3rver.ServiceUrl}/{S3rver.Bucket}/").And.Contain("X-Amz-Signature="));
            var response = await outsider.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        }
        Assert.That(await outsider.GetByteArrayAsync(video["videoFile"]!.GetValue<string>()), Is.EqualTo(bytes));
        Assert.That(user["coverImage"]!.GetValue<string>(), Is.Empty, "no cover, no URL");
    }
}
