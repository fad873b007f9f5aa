using System.Net;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Uploads;

/// <summary>Several requests on one upload at once: one writer wins, the others get 409, nothing is corrupted.</summary>
public sealed class UploadRaceTests : UploadTestBase
{
    [Test]
    public async Task ParallelPatches_AtTheSameOffset_OneWins_TheOthersGet409()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(200_000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PatchAsync(user.Client, url, 0, bytes[..100_000])));

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(statuses.Count(s => s == HttpStatusCode.NoContent), Is.EqualTo(1), string.Join(", ", statuses));
            Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(7), string.Join(", ", statuses));
            Assert.That(await OffsetAsync(user.Client, url), Is.EqualTo(100_000));
            Assert.That(await PartKeysAsync(url), Has.Length.EqualTo(1));
        });

        var last = await PatchAsync(user.Client, url, 100_000, bytes[100_000..]);
        var videoId = Guid.Parse(Header(last, "X-Video-Id")!);
        Assert.That(await DownloadVideoAsync(user, videoId), Is.EqualTo(bytes));
    }

    [Test]
    public async Task ParallelFinalPatches_MakeExactlyOneVideo()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(50_000);
        var url = await CreateUploadAsync(user.Client, bytes.Length);
        var videosBefore = await VideoCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PatchAsync(user.Client, url, 0, bytes)));

        Assert.Multiple(async () =>
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.NoContent), Is.EqualTo(1));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(5));
            Assert.That(await VideoCountAsync(), Is.EqualTo(videosBefore + 1));
        });
    }

    [Test]
    public async Task APatchRacingADelete_NeverFailsWith5xx_AndLeavesNoPart()
    {
        var user = await CreateUserAsync();
        var bytes = VideoFiles.FakeMp4(100_000);
        for (var round = 0; round < 10; round++)
        {
            var url = await CreateUploadAsync(user.Client, bytes.Length * 2L);
            var patch = PatchAsync(user.Client, url, 0, bytes);
            var delete = user.Client.SendAsync(Tus(HttpMethod.Delete, url));
            await Task.WhenAll(patch, delete);

            var statuses = $"PATCH {(int)patch.Result.StatusCode}, DELETE {(int)delete.Result.StatusCode}";
            Assert.That(patch.Result.StatusCode, Is.AnyOf(HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Conflict), statuses);
            Assert.That(delete.Result.StatusCode, Is.AnyOf(HttpStatusCode.NoContent, HttpStatusCode.Conflict), statuses);
            var parts = await PartKeysAsync(url);
            if (delete.Result.StatusCode == HttpStatusCode.Conflict)
            {
                // The PATCH held the upload: its bytes are there, and a second DELETE removes them.
                Assert.That((await user.Client.SendAsync(Tus(HttpMethod.Delete, url))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }
            Assert.That((await HeadAsync(user.Client, url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), statuses);
            Assert.That(parts.Where(IsStored), Is.Empty, statuses);
        }
    }
}
