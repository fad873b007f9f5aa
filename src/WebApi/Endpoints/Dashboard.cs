using VideoTube.Application.Common.Models;
using VideoTube.Application.Dashboard;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/dashboard routes (stubs there): the caller's own channel.</summary>
public sealed class Dashboard : IEndpointGroup
{
    public static string Prefix => "/api/v1/dashboard";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("/stats", Stats).WithSummary("Your channel's totals")
            .WithName("getChannelStats").Returns<ChannelStatsDto>();
        group.MapGet("/videos", Videos).WithSummary("Your videos, unpublished included, with likes and comments (paginated)")
            .WithName("listChannelVideos").Returns<PaginatedList<ChannelVideoDto>>();
    }

    private static async Task<IResult> Stats(GetChannelStatsHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(ct), "Channel stats fetched successfully");

    private static async Task<IResult> Videos(string? page, string? limit, ListChannelVideosHandler handler,
        CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new ListChannelVideosQuery(PageRequest.Parse(page, limit)), ct),
            "Channel videos fetched successfully");
}
