using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Security;
using VideoTube.Infrastructure.Identity;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.Observability;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi;

public static class DependencyInjection
{
    public static WebApplicationBuilder AddWebApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.AddObservability();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new UtcDateTimeConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        });
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IMediaUrls>((options, urls) =>
            options.SerializerOptions.Converters.Add(new MediaUrlJsonConverter(urls)));
        // Binding failures throw, so the exception handler can answer them in the envelope.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddVideoTubeRequestLimits();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<CurrentUser>());
        services.AddScoped<IRequestContext>(provider => provider.GetRequiredService<CurrentUser>());
        services.AddSingleton<RequestBody>();
        services.AddSingleton<AuthCookies>();
        services.AddOptions<AuthCookieOptions>().Bind(configuration.GetSection(AuthCookieOptions.SectionName));

        services.AddVideoTubeRateLimiting(configuration);
        services.AddVideoTubeForwardedHeaders(configuration);
        AddAuthentication(services);
        AddCors(services, configuration);
        services.AddVideoTubeOpenApi(configuration);
        return builder;
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                var settings = jwt.Value;
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(new CachingJsonWebTokenHandler());
                bearer.MapInboundClaims = false;
                // Nothing reads the token back from the ticket; storing it cost allocations on every request.
                bearer.SaveToken = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = JwtAccessTokenIssuer.SigningKey(settings),
                    // Pinning the algorithm rejects alg=none and algorithm-confusion tokens.
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                };
                bearer.Events = new JwtBearerEvents
                {
                    // The Authorization header wins over the cookie (chai-backend did the reverse, quirk 9).
                    OnMessageReceived = context =>
                    {
                        if (!context.Request.Headers.ContainsKey("Authorization") &&
                            context.Request.Cookies.TryGetValue(AuthCookies.AccessTokenCookie, out var cookie))
                            context.Token = cookie;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        // Anonymous routes (health probes, media) must not depend on the database through a token
                        // the client happens to send; at worst an ended session previews its own drafts until expiry.
                        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null)
                            return;
                        var sessionClaim = context.Principal?.FindFirst(IAccessTokenIssuer.SessionClaim)?.Value;
                        var sessions = context.HttpContext.RequestServices.GetRequiredService<ILoginSessions>();
                        if (!Guid.TryParse(sessionClaim, out var sessionId)
                            || !await sessions.IsActiveAsync(sessionId, context.HttpContext.RequestAborted))
                            context.Fail(new SessionEndedException());
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var databaseErrors = context.HttpContext.RequestServices.GetRequiredService<IDatabaseErrorTranslator>();
                        if (context.AuthenticateFailure is { } failure && databaseErrors.Translate(failure) is ServiceUnavailableException)
                        {
                            await Envelope.WriteErrorAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable,
                                "Service temporarily unavailable");
                            return;
                        }
                        var message = context.AuthenticateFailure switch
                        {
                            null => "Unauthorized request",
                            SecurityTokenExpiredException => "Access token expired",
                            SessionEndedException => "Session has ended; log in again",
                            _ => "Invalid access token",
                        };
                        await Envelope.WriteErrorAsync(context.HttpContext, StatusCodes.Status401Unauthorized, message);
                    },
                    OnForbidden = context => Envelope.WriteErrorAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden"),
                };
            });
        services.AddAuthorization();
    }

    private static void AddCors(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorsSettings>().Bind(configuration.GetSection(CorsSettings.SectionName));
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CorsSettings>>((options, settings) => options.AddPolicy(CorsSettings.PolicyName, policy => policy
            .WithOrigins(settings.Value.AllowedOrigins)
            .AllowCredentials()
            .AllowAnyHeader()
            .WithMethods("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE")
            .WithExposedHeaders([CorrelationIdMiddleware.HeaderName, .. TusProtocol.ExposedHeaders])));
    }
}
