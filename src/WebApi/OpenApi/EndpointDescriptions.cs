using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using VideoTube.Application.Common.Models;

namespace VideoTube.WebApi.OpenApi;

/// <summary>
/// What each route answers, for the OpenAPI document: the envelope with its <c>data</c> typed per operation, the error
/// envelope for every status the route can return, and its request body. Handlers read their own bodies (JSON,
/// urlencoded or a streamed multipart form), so the document learns about them here rather than from parameters.
/// </summary>
public static class EndpointDescriptions
{
    private static readonly string[] Json = ["application/json"];

    /// <summary>The success envelope with <c>data</c> of type <typeparamref name="T"/>.</summary>
    public static RouteHandlerBuilder Returns<T>(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status200OK) =>
        builder.Produces<ApiResponse<T>>(statusCode);

    /// <summary>The success envelope whose <c>data</c> is <c>{}</c>: the route only reports that it worked.</summary>
    public static RouteHandlerBuilder ReturnsMessage(this RouteHandlerBuilder builder) => builder.Returns<Empty>();

    /// <summary>The error envelope for each of these statuses (once each, whoever declares it first).</summary>
    public static TBuilder Fails<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => AddErrors(endpoint, statusCodes));
        return builder;
    }

    /// <summary>A JSON body (the urlencoded and multipart forms that chai-backend also took still work, undocumented).</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) where T : notnull =>
        builder.WithMetadata(new RequestBodyDescription(typeof(T), "application/json")).Fails(StatusCodes.Status400BadRequest,
            StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// A multipart/form-data body described by <typeparamref name="TForm"/>: its <see cref="IFormFile"/> properties
    /// become <c>format: binary</c> parts. Only the description: the handler still streams the body itself.
    /// </summary>
    public static RouteHandlerBuilder AcceptsMultipart<TForm>(this RouteHandlerBuilder builder) where TForm : notnull =>
        builder.WithMetadata(new RequestBodyDescription(typeof(TForm), "multipart/form-data")).Fails(StatusCodes.Status400BadRequest,
            StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// The statuses every route of a group can answer, whatever its handler does: a malformed or unknown id in the
    /// path (400, 404), a missing or ended session on protected routes (401), a database outage (503).
    /// </summary>
    public static RouteGroupBuilder DescribeCommonErrors(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 })
                AddErrors(endpoint, [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound]);
            if (endpoint.Metadata.OfType<IAuthorizeData>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
                AddErrors(endpoint, [StatusCodes.Status401Unauthorized]);
            AddErrors(endpoint, [StatusCodes.Status503ServiceUnavailable]);
        });
        return group;
    }

    /// <summary>
    /// The request body for the document only. ASP.NET's own Accepts metadata would also make routing reject other
    /// content types with a bare 415, and these routes deliberately take JSON, urlencoded and multipart bodies.
    /// </summary>
    public sealed record RequestBodyDescription(Type Type, string ContentType);

    private static void AddErrors(EndpointBuilder endpoint, IEnumerable<int> statusCodes)
    {
        foreach (var statusCode in statusCodes)
            if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == statusCode))
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, typeof(ApiError), Json));
    }
}
