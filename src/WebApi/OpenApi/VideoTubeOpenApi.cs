using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using VideoTube.Application.Common.Media;
using VideoTube.WebApi.Infrastructure;

namespace VideoTube.WebApi.OpenApi;

/// <summary>
/// The OpenAPI document's transformers, in one place. Handlers take ids and paging values as strings (so a bad value is
/// a 400 in the envelope, never a binding error), and the JSON options read numbers from strings for chai-backend's
/// clients; left alone, the document would call ids plain strings and counts "integer or string". These transformers
/// state what the API really takes and returns, so that generated clients get real types.
/// </summary>
public static class VideoTubeOpenApi
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";

    private static readonly HashSet<string> PagingParameters = new(StringComparer.Ordinal) { "page", "limit" };

    public static IServiceCollection AddVideoTubeOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenApiSettings>().Bind(configuration.GetSection(OpenApiSettings.SectionName)).ValidateOnStart();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeDocument);
            options.AddOperationTransformer(DescribeOperation);
            options.AddSchemaTransformer(DescribeSchema);
        });
        return services;
    }

    public static WebApplication MapVideoTubeOpenApi(this WebApplication app)
    {
        var enabled = app.Services.GetRequiredService<IOptions<OpenApiSettings>>().Value.Enabled;
        if (enabled ?? app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
            app.MapScalarApiReference();
        }
        return app;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Info.Title = "VideoTube API";
        document.Info.Description = "chai-backend-compatible video platform API. Every response is the envelope "
            + "{statusCode, data, message, success}; errors add errors: [...].";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken from login or refresh-token.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AuthCookies.AccessTokenCookie,
            Description = "The HttpOnly cookie set by login; the Authorization header wins when both are sent.",
        };

        // A success envelope always carries its data; "null or T" would make generators wrap every payload in a
        // composed type.
        foreach (var (name, schema) in document.Components.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (!name.StartsWith("ApiResponseOf", StringComparison.Ordinal) || schema is not OpenApiSchema envelope
                || envelope.Properties?.TryGetValue("data", out var data) != true
                || data is not OpenApiSchema { OneOf: [var first, var second] })
                continue;
            var payload = first is OpenApiSchema { Type: JsonSchemaType.Null } ? second : first;
            envelope.Properties["data"] = payload;
        }
        return Task.CompletedTask;
    }

    private static async Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        // Routes name their operations with WithName; one that forgets still gets a stable, unique id.
        operation.OperationId ??= FallbackOperationId(context.Description.HttpMethod, context.Description.RelativePath);

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            // Either scheme suffices: two requirements, not one with both.
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] },
            ];
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is null)
                continue;
            if (PagingParameters.Contains(parameter.Name))
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" };
            else if (parameter.Name.EndsWith("Id", StringComparison.Ordinal))
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
        }

        if (metadata.OfType<EndpointDescriptions.RequestBodyDescription>().LastOrDefault() is { } body
            && context.Document is { } document)
        {
            var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            // Same-named request types (each feature's ContentRequest) have the same shape; the first one serves.
            document.Components.Schemas.TryAdd(body.Type.Name, schema);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [body.ContentType] = new() { Schema = new OpenApiSchemaReference(body.Type.Name, document) },
                },
            };
        }
    }

    private static string FallbackOperationId(string? method, string? path)
    {
        var words = (path ?? string.Empty).Split(['/', '-', '{', '}'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]);
        return (method ?? "get").ToLowerInvariant() + string.Concat(words);
    }

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        // A custom converter hides the type from the schema generator; it writes ISO-8601 UTC timestamps.
        if (type == typeof(DateTime))
        {
            schema.Type = JsonSchemaType.String | ((schema.Type ?? 0) & JsonSchemaType.Null);
            schema.Format = "date-time";
        }
        // MediaUrlJsonConverter writes a media field as the URL the current settings give (ADR-013): absolute for a
        // CDN or presigned S3, root-relative /media/... by default, empty when nothing is stored. Left alone, the
        // document would show the struct's storage key as an object, which no response ever carries.
        else if (type == typeof(MediaUrl))
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "uri-reference";
            schema.Properties = null;
            schema.Required = null;
            schema.AdditionalProperties = null;
            schema.AdditionalPropertiesAllowed = true;
        }
        // Numbers are also read from strings (chai-backend's form posts), but always written as numbers.
        else if (schema.Type is { } kind && (kind & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0
                 && (kind & JsonSchemaType.String) != 0)
        {
            schema.Type = kind & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
