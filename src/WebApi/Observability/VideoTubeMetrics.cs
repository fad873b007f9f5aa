using System.Diagnostics.Metrics;

namespace VideoTube.WebApi.Observability;

/// <summary>
/// The product's own metrics, beside the HTTP, runtime and Npgsql ones: what an operator asks first ("are people
/// logging in, are uploads arriving, how fast is storage growing, are jobs failing").
/// </summary>
public sealed class VideoTubeMetrics
{
    public const string MeterName = "VideoTube";

    private readonly Counter<long> _logins;
    private readonly Counter<long> _uploads;
    private readonly Counter<long> _bytesStored;
    private readonly Counter<long> _jobs;

    public VideoTubeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _logins = meter.CreateCounter<long>("videotube.logins", "{login}", "Login attempts by outcome");
        _uploads = meter.CreateCounter<long>("videotube.uploads", "{file}", "Files stored, by kind (the storage folder)");
        _bytesStored = meter.CreateCounter<long>("videotube.storage.bytes_stored", "By", "Bytes written to media storage");
        _jobs = meter.CreateCounter<long>("videotube.jobs", "{job}", "Background jobs finished, by job and outcome");
    }

    /// <param name="outcome"><c>success</c>, <c>rejected</c> (bad credentials or input) or <c>locked</c>.</param>
    public void Login(string outcome) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Stored(string kind, long bytes)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _uploads.Add(1, tag);
        _bytesStored.Add(bytes, tag);
    }

    /// <summary>For the job runner: one call per finished job.</summary>
    /// <param name="outcome"><c>succeeded</c>, <c>failed</c> or <c>retried</c>.</param>
    public void JobFinished(string job, string outcome) => _jobs.Add(1,
        new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));
}
