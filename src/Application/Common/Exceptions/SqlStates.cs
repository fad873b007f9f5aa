namespace VideoTube.Application.Common.Exceptions;

/// <summary>PostgreSQL error codes that use cases turn into client errors (read from DbException.SqlState, no Npgsql reference).</summary>
internal static class SqlStates
{
    public const string ForeignKeyViolation = "23503";
}
