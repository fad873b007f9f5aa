using VideoTube.Application.Common.Interfaces;

namespace VideoTube.WebApi.Commands;

/// <summary>
/// <c>dotnet VideoTube.WebApi.dll repair-counters</c>: recomputes the stored counters with the API's own configuration
/// and exits, for an operator after a restore or a bulk load; the web host is never started.
/// </summary>
public static class RepairCountersCommand
{
    public const string Verb = "repair-counters";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var corrected = await scope.ServiceProvider.GetRequiredService<ICounterRepair>()
            .RepairAsync(app.Lifetime.ApplicationStopping);
        Console.WriteLine($"repair-counters: corrected {corrected} rows");
    }
}
