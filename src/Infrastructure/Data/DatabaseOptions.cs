namespace VideoTube.Infrastructure.Data;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations at start-up; defaults to true in Development only.</summary>
    public bool? MigrateOnStartup { get; set; }
}
