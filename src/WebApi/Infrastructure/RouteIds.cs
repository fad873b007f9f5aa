using VideoTube.Application.Common.Exceptions;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Ids arrive as strings so a malformed one is a 400 in the envelope ("Invalid tweet id"), not a routing 404 or a
/// binding error as a typed route constraint would give.
/// </summary>
public static class RouteIds
{
    public static Guid Parse(string value, string name) =>
        Guid.TryParse(value, out var id) ? id : throw new BadRequestException($"Invalid {name} id");
}
