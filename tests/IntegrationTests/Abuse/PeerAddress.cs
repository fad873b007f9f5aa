using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace VideoTube.IntegrationTests.Abuse;

/// <summary>
/// The in-memory test server has no TCP peer; this host gives each request the peer address named by a test-only
/// header, in front of the API's own pipeline, so tests can play several clients and proxies.
/// </summary>
public static class PeerAddress
{
    public const string Header = "X-Test-Peer";

    public static WebApplicationFactory<Program> WithPeerAddresses(this WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddTransient<IStartupFilter, PeerAddressFilter>()));

    public static HttpClient CreatePeerClient(this WebApplicationFactory<Program> factory, string peer, bool handleCookies = false)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = handleCookies,
            AllowAutoRedirect = false,
        });
        client.DefaultRequestHeaders.Add(Header, peer);
        return client;
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.Remove(Header, out var peer) && IPAddress.TryParse(peer.ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
