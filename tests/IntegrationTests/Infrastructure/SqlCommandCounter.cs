using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VideoTube.IntegrationTests.Infrastructure;

/// <summary>Records the SQL the API sends, so tests can assert a route reads with exactly one statement.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    /// <summary>
    /// The statements of the route itself. Authentication's session check (one indexed EXISTS on every authenticated
    /// request, tagged in SQL) is not part of a route's query work; <see cref="SessionChecks"/> counts it.
    /// </summary>
    public IReadOnlyList<string> Commands => _commands.Where(c => !IsSessionCheck(c)).ToList();

    public IReadOnlyList<string> SessionChecks => _commands.Where(IsSessionCheck).ToList();

    private static bool IsSessionCheck(string sql) =>
        sql.StartsWith($"-- {VideoTube.Application.Common.Interfaces.ILoginSessions.SessionCheckTag}", StringComparison.Ordinal);

    public void Reset() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
