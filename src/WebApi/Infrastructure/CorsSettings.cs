namespace VideoTube.WebApi.Infrastructure;

/// <summary>Configuration section <c>Cors</c>: the SPA origins allowed to call the API with credentials.</summary>
public sealed class CorsSettings
{
    public const string SectionName = "Cors";
    public const string PolicyName = "spa";

    /// <summary>Exact origins such as <c>https://app.example.com</c>; a wildcard cannot carry credentials (quirk 10).</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
