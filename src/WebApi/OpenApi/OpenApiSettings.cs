namespace VideoTube.WebApi.OpenApi;

/// <summary>Configuration section <c>OpenApi</c>.</summary>
public sealed class OpenApiSettings
{
    public const string SectionName = "OpenApi";

    /// <summary>
    /// Serves <c>/openapi/v1.json</c> and the <c>/scalar</c> UI. Unset means on in Development only: a production
    /// API need not hand its full map to every visitor.
    /// </summary>
    public bool? Enabled { get; set; }
}
