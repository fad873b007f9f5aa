using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VideoTube.Infrastructure.Data.Interceptors;

/// <summary>
/// Writes the LIMIT and OFFSET of a query tagged <see cref="Tag"/> into its SQL as numbers. EF Core always sends them
/// as parameters, and PostgreSQL costs a generic plan with a parameter as LIMIT for a tenth of the table, so it plans
/// a prepared statement afresh on every run; with numbers the generic plan is kept after five runs, and the unsearched
/// feed's statement ran 3.5x faster (bench/RESULTS.md). Only for queries whose best plan does not depend on the other
/// parameters' values: a search's does (a rare word wants the GIN index, a common one the date order), and so does
/// the subscription feed's (a user following 1,000 channels against one following ten).
/// </summary>
public sealed partial class InlinePagingInterceptor : DbCommandInterceptor
{
    public const string Tag = "inline-paging";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Inline(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Inline(command);
        return ValueTask.FromResult(result);
    }

    private static void Inline(DbCommand command)
    {
        if (!command.CommandText.StartsWith("-- " + Tag, StringComparison.Ordinal))
            return;
        var inlined = new List<DbParameter>();
        command.CommandText = PagingClause().Replace(command.CommandText, match =>
        {
            if (Find(command, match.Groups["name"].Value) is not { Value: int value } parameter)
                return match.Value;
            inlined.Add(parameter);
            return $"{match.Groups["clause"].Value} {value.ToString(CultureInfo.InvariantCulture)}";
        });
        if (inlined.Count == 0)
            return;
        // A parameter no longer named in the text would reach PostgreSQL without a type it can infer.
        var referenced = ParameterReference().Matches(command.CommandText).Select(m => m.Value[1..]).ToHashSet();
        foreach (var parameter in inlined.Distinct())
            if (!referenced.Contains(parameter.ParameterName.TrimStart('@')))
                command.Parameters.Remove(parameter);
    }

    private static DbParameter? Find(DbCommand command, string reference)
    {
        foreach (DbParameter parameter in command.Parameters)
            if (parameter.ParameterName.TrimStart('@') == reference[1..])
                return parameter;
        return null;
    }

    [GeneratedRegex(@"(?<clause>LIMIT|OFFSET) (?<name>@\w+)\b")]
    private static partial Regex PagingClause();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterReference();
}
