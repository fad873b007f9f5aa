using System.Net;
using VideoTube.Domain.Entities;
using VideoTube.IntegrationTests.Videos;

namespace VideoTube.IntegrationTests.Processing;

/// <summary>The job-outcome counter an operator alerts on, as Prometheus scrapes it.</summary>
public sealed class JobMetricsTests : ProcessingTestBase
{
    [Test]
    public async Task Finished_jobs_are_counted_by_job_and_outcome()
    {
        RequireFfmpeg();
        var owner = await CreateUserAsync();
        var good = await WaitForOutcomeAsync(IdOf(await PublishAsync(owner, await GenerateSourceAsync(seconds: 2, size: "320x180"))));
        var bad = await WaitForOutcomeAsync(IdOf(await PublishAsync(owner, VideoFiles.FakeMp4(64 * 1024))));
        Assert.That((good.Status, bad.Status), Is.EqualTo((VideoStatus.Ready, VideoStatus.Failed)), good.FailureReason);

        using var client = CreateClient();
        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Match("videotube_jobs_total\\{[^}]*job=\"process-video\"[^}]*outcome=\"succeeded\"[^}]*\\} [1-9]"));
            Assert.That(text, Does.Match("videotube_jobs_total\\{[^}]*job=\"process-video\"[^}]*outcome=\"failed\"[^}]*\\} [1-9]"));
        });
    }
}
