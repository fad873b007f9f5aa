using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.Internal;

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
    public static Expression<Func<TContext, TArg1, TArg2, IQueryable<TDto>>> Select<TContext, TArg1, TArg2, TSource, TDto>(
        IConfigurationProvider mapping, Expression<Func<TContext, TArg1, TArg2, IQueryable<TSource>>> query) =>
        Expression.Lambda<Func<TContext, TArg1, TArg2, IQueryable<TDto>>>(
            SelectBody<TSource, TDto>(mapping, query.Body, query.Parameters), query.Parameters);

    /// <inheritdoc cref="Select{TContext,TArg1,TArg2,TSource,TDto}"/>
    public static Expression<Func<TContext, TArg1, IQueryable<TDto>>> Select<TContext, TArg1, TSource, TDto>(
        IConfigurationProvider mapping, Expression<Func<TContext, TArg1, IQueryable<TSource>>> query) =>
        Expression.Lambda<Func<TContext, TArg1, IQueryable<TDto>>>(
            SelectBody<TSource, TDto>(mapping, query.Body, query.Parameters), query.Parameters);

    /// <summary>As <see cref="Select{TContext,TArg1,TArg2,TSource,TDto}"/>, ending in <c>SingleOrDefault</c>.</summary>
    public static Expression<Func<TContext, TArg1, TArg2, TDto?>> SingleOrDefault<TContext, TArg1, TArg2, TSource, TDto>(
        IConfigurationProvider mapping, Expression<Func<TContext, TArg1, TArg2, IQueryable<TSource>>> query) =>
        Expression.Lambda<Func<TContext, TArg1, TArg2, TDto?>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(TDto)],
                SelectBody<TSource, TDto>(mapping, query.Body, query.Parameters)),
            query.Parameters);

    /// <summary>As <see cref="Select{TContext,TArg1,TSource,TDto}"/>, ending in <c>SingleOrDefault</c>.</summary>
    public static Expression<Func<TContext, TArg1, TDto?>> SingleOrDefault<TContext, TArg1, TSource, TDto>(
        IConfigurationProvider mapping, Expression<Func<TContext, TArg1, IQueryable<TSource>>> query) =>
        Expression.Lambda<Func<TContext, TArg1, TDto?>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(TDto)],
                SelectBody<TSource, TDto>(mapping, query.Body, query.Parameters)),
            query.Parameters);

    private static MethodCallExpression SelectBody<TSource, TDto>(IConfigurationProvider mapping, Expression source,
        IReadOnlyCollection<ParameterExpression> parameters)
    {
        var expressions = mapping.Internal().ProjectionBuilder.GetProjection(typeof(TSource), typeof(TDto), null, []);
        if (expressions.LetClause is not null)
            throw new NotSupportedException($"The projection of {typeof(TSource).Name} to {typeof(TDto).Name} needs a let clause");
        var projection = (LambdaExpression)new ProfileParameterBinder(parameters).Visit(expressions.Projection);
        return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TSource), typeof(TDto)], source,
            Expression.Quote(projection));
    }

    /// <summary>
    /// AutoMapper leaves a profile parameter as a read of the profile's captured local (a field of a closure
    /// constant) when no value is given; here that read becomes the compiled query's parameter of the same name.
    /// </summary>
    private sealed class ProfileParameterBinder(IReadOnlyCollection<ParameterExpression> parameters) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is ConstantExpression
            && parameters.FirstOrDefault(p => p.Name == node.Member.Name && p.Type == node.Type) is { } parameter
                ? parameter
                : base.VisitMember(node);
    }
}
