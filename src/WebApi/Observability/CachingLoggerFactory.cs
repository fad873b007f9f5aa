using System.Collections.Concurrent;

namespace VideoTube.WebApi.Observability;

/// <summary>
/// Serilog's <c>SerilogLoggerFactory</c> builds a new logger (a Serilog context logger and an event-id cache) on every
/// <see cref="ILoggerFactory.CreateLogger"/>, and ASP.NET Core asks for one on every response it writes through
/// <c>Results.Json</c>: a few percent of a short read's allocations (bench/RESULTS.md). Microsoft's own factory keeps one
/// logger per category; this does the same in front of Serilog's. Categories are names from code, so the set is small.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
