using VideoTube.Application.Common.Exceptions;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Ids from routes and query strings are taken as strings and parsed here, so a malformed id is a 400 with the
/// envelope (not a 404 from a route constraint, nor a binding 500).
/// </summary>
public static class RouteIds
{
    /// <param name="name">What the id identifies, for the message: "video" gives "Invalid video id".</param>
    public static Guid Parse(string? value, string name) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException($"Invalid {name} id");

    /// <summary>For optional filters: absent or blank is null, anything else must be a valid id.</summary>
    public static Guid? ParseOptional(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null : Parse(value.Trim(), name);
}
