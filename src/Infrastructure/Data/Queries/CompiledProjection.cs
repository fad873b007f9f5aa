using System.Linq.Expressions;
using System.Reflection;
using AutoMapper;
using AutoMapper.Internal;
using VideoTube.Application.Common.Models;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// Builds EF Core compiled queries whose result is an AutoMapper projection, for the hottest reads. <c>ProjectTo</c>
/// re-walks the whole mapping (and EF then hashes and funcletizes the whole tree) on every call, about a tenth of a
/// short read's CPU in a profile (bench/RESULTS.md); a compiled query does that once. The mapping stays in the
/// profiles: the projection is AutoMapper's own.
/// </summary>
internal static class CompiledProjection
{
    /// <summary>
    /// <paramref name="query"/> followed by <c>Select</c> of AutoMapper's projection. A profile parameter (a local the
    /// profile captured, like <c>callerId</c>) is bound to the query's parameter of the same name and type.
    /// </summary>
    public static Expression<Func<TContext, TArg1, IQueryable<TDto>>> Select<TContext, TArg1, TSource, TDto>(
        IConfigurationProvider mapping, Expression<Func<TContext, TArg1, IQueryable<TSource>>> query) =>
        Compose<Func<TContext, TArg1, IQueryable<TDto>>, TSource, TDto>(mapping, query, single: false);

    /// <inheritdoc cref="Select{TContext,TArg1,TSource,TDto}"/>
    public static Expression<Func<TContext, TArg1, TArg2, IQueryable<TDto>>> Select<TContext, TArg1, TArg2, TSource, TDto>(
        IConfigurationProvider mapping, Expression<Func<TContext, TArg1, TArg2, IQueryable<TSource>>> query) =>
        Compose<Func<TContext, TArg1, TArg2, IQueryable<TDto>>, TSource, TDto>(mapping, query, single: false);

    /// <inheritdoc cref="Select{TContext,TArg1,TSource,TDto}"/>
    public static Expression<Func<TContext, TArg1, TArg2, TArg3, TArg4, IQueryable<TDto>>>
        Select<TContext, TArg1, TArg2, TArg3, TArg4, TSource, TDto>(IConfigurationProvider mapping,
            Expression<Func<TContext, TArg1, TArg2, TArg3, TArg4, IQueryable<TSource>>> query) =>
        Compose<Func<TContext, TArg1, TArg2, TArg3, TArg4, IQueryable<TDto>>, TSource, TDto>(mapping, query, single: false);

    /// <summary>
    /// As <see cref="Select{TContext,TArg1,TSource,TDto}"/>, as a bounded page (<see cref="BoundedPageExtensions"/>):
    /// each row carries <paramref name="total"/> (a one-row query of the context and the first argument, read as a
    /// scalar sub-query of the same statement), and at most the last argument's number of rows are read.
    /// </summary>
    public static Expression<Func<TContext, TArg1, TArg2, TArg3, int, IQueryable<BoundedRow<TDto>>>>
        SelectPage<TContext, TArg1, TArg2, TArg3, TSource, TDto>(IConfigurationProvider mapping,
            Expression<Func<TContext, TArg1, TArg2, TArg3, int, IQueryable<TSource>>> query,
            Expression<Func<TContext, TArg1, IQueryable<long>>> total)
    {
        var projected = SelectBody<TSource, TDto>(mapping, query.Body, query.Parameters);
        var totalOfCall = new ParameterReplacer(new Dictionary<ParameterExpression, Expression>
        {
            [total.Parameters[0]] = query.Parameters[0],
            [total.Parameters[1]] = query.Parameters[1],
        }).Visit(total.Body);
        var item = Expression.Parameter(typeof(TDto), "item");
        var row = Expression.New(typeof(BoundedRow<TDto>).GetConstructor([typeof(TDto), typeof(long)])!, item,
            Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(long)], totalOfCall));
        var rows = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TDto), typeof(BoundedRow<TDto>)],
            projected, Expression.Quote(Expression.Lambda(row, item)));
        var page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(BoundedRow<TDto>)], rows,
            query.Parameters[4]);
        return Expression.Lambda<Func<TContext, TArg1, TArg2, TArg3, int, IQueryable<BoundedRow<TDto>>>>(page,
            query.Parameters);
    }

    /// <summary>As <see cref="Select{TContext,TArg1,TSource,TDto}"/>, ending in <c>SingleOrDefault</c>.</summary>
    public static Expression<Func<TContext, TArg1, TDto?>> SingleOrDefault<TContext, TArg1, TSource, TDto>(
        IConfigurationProvider mapping, Expression<Func<TContext, TArg1, IQueryable<TSource>>> query) =>
        Compose<Func<TContext, TArg1, TDto?>, TSource, TDto>(mapping, query, single: true);

    /// <inheritdoc cref="SingleOrDefault{TContext,TArg1,TSource,TDto}"/>
    public static Expression<Func<TContext, TArg1, TArg2, TDto?>> SingleOrDefault<TContext, TArg1, TArg2, TSource, TDto>(
        IConfigurationProvider mapping, Expression<Func<TContext, TArg1, TArg2, IQueryable<TSource>>> query) =>
        Compose<Func<TContext, TArg1, TArg2, TDto?>, TSource, TDto>(mapping, query, single: true);

    private static Expression<TDelegate> Compose<TDelegate, TSource, TDto>(IConfigurationProvider mapping,
        LambdaExpression query, bool single)
    {
        Expression body = SelectBody<TSource, TDto>(mapping, query.Body, query.Parameters);
        if (single)
            body = Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(TDto)], body);
        return Expression.Lambda<TDelegate>(body, query.Parameters);
    }

    private static MethodCallExpression SelectBody<TSource, TDto>(IConfigurationProvider mapping, Expression source,
        IReadOnlyCollection<ParameterExpression> parameters)
    {
        var expressions = mapping.Internal().ProjectionBuilder.GetProjection(typeof(TSource), typeof(TDto), null, []);
        if (expressions.LetClause is not null)
            throw new NotSupportedException($"The projection of {typeof(TSource).Name} to {typeof(TDto).Name} needs a let clause");
        var binder = new CapturedParameterBinder(parameters);
        return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TSource), typeof(TDto)],
            binder.Visit(source), Expression.Quote(binder.Visit(expressions.Projection)));
    }

    private sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> arguments)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            arguments.TryGetValue(node, out var argument) ? argument : node;
    }

    /// <summary>
    /// Makes a query written for one call into one for every call. AutoMapper leaves a profile parameter as a read of
    /// the profile's captured local (a field of a closure constant) when no value is given, and a shared rule such as
    /// <see cref="Application.Common.Access.VideoAccess.IsVisibleTo"/> captures its argument the same way: each such
    /// read becomes the compiled query's parameter of the same name (converted to the nullable type if needed). A
    /// captured expression (a rule passed to <c>Where</c>) is inlined first, so its own captured reads are bound too.
    /// </summary>
    private sealed class CapturedParameterBinder(IReadOnlyCollection<ParameterExpression> parameters) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            // A rule held in a static field, or captured.
            if (typeof(LambdaExpression).IsAssignableFrom(node.Type) && node.Expression is null or ConstantExpression)
                return Visit(Expression.Quote((LambdaExpression)Read(node, (node.Expression as ConstantExpression)?.Value)!));
            if (node.Expression is not ConstantExpression)
                return base.VisitMember(node);
            var parameter = parameters.FirstOrDefault(p => p.Name == node.Member.Name);
            if (parameter is null)
                return base.VisitMember(node);
            if (parameter.Type == node.Type)
                return parameter;
            if (Nullable.GetUnderlyingType(node.Type) == parameter.Type)
                return Expression.Convert(parameter, node.Type);
            throw new InvalidOperationException(
                $"Captured {node.Member.Name} is a {node.Type.Name}; the compiled query's parameter is a {parameter.Type.Name}");
        }

        private static object? Read(MemberExpression node, object? closure) => node.Member switch
        {
            FieldInfo field => field.GetValue(closure),
            PropertyInfo property => property.GetValue(closure),
            _ => throw new NotSupportedException(node.Member.GetType().Name),
        };
    }
}
