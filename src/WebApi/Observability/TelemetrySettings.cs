using System.ComponentModel.DataAnnotations;

namespace VideoTube.WebApi.Observability;

/// <summary>Configuration section <c>OpenTelemetry</c>.</summary>
public sealed class TelemetrySettings : IValidatableObject
{
    public const string SectionName = "OpenTelemetry";

    /// <summary>The <c>service.name</c> resource attribute on every span and metric.</summary>
    [Required]
    public string ServiceName { get; set; } = "videotube-api";

    /// <summary>
    /// An OTLP collector (e.g. <c>http://otel-collector:4317</c>). Unset: OTLP export only when the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Serves Prometheus metrics at <c>/metrics</c>; keep the path off the public proxy.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
            yield return new ValidationResult("OpenTelemetry:OtlpEndpoint must be an absolute URL", [nameof(OtlpEndpoint)]);
    }
}

/// <summary>Configuration section <c>Logs</c>.</summary>
public sealed class LogSettings
{
    public const string SectionName = "Logs";

    /// <summary><c>Text</c> for people, <c>Json</c> (Serilog's compact format, one object a line) for log shippers.</summary>
    public LogFormat Format { get; set; } = LogFormat.Text;
}

public enum LogFormat
{
    Text,
    Json,
}
