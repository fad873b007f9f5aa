using Serilog;
using VideoTube.Application;
using VideoTube.Infrastructure;
using VideoTube.WebApi;
using VideoTube.WebApi.Commands;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.Observability;
using VideoTube.WebApi.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddApplicationServices(builder.Configuration);
builder.Services.AddInfrastructureServices(builder.Configuration);
builder.AddWebApiServices();

var app = builder.Build();
await app.MigrateDatabaseIfConfiguredAsync();
if (RepairCountersCommand.IsRequested(args))
{
    await RepairCountersCommand.RunAsync(app);
    return;
}

app.UseForwardedHeaders();
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseMiddleware<SecurityHeaders>();
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages(context =>
    Envelope.WriteErrorAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
        context.HttpContext.Response.StatusCode == StatusCodes.Status404NotFound ? "Route not found" : "Request failed"));
app.UseCors(CorsSettings.PolicyName);
app.UseMiddleware<TusResumableMiddleware>();
app.UseMiddleware<CsrfProtection>();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication, so a logged-in client is counted by user id
app.UseAuthorization();

app.MapVideoTubeOpenApi();
app.MapObservability();
app.MapEndpointGroups();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
