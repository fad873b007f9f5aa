using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Domain.Common;

namespace VideoTube.Application.Common.Access;

/// <summary>
/// Who may change a resource, stated once: its owner. Anyone else gets 403 rather than 404, because the resource
/// exists and they may see it (visibility is <see cref="VideoAccess"/>'s question, asked first where it applies).
/// </summary>
public static class Ownership
{
    public static T EnsureOwnedBy<T>(this T resource, Guid callerId, string forbiddenMessage) where T : IOwned =>
        resource.OwnerId == callerId ? resource : throw new ForbiddenException(forbiddenMessage);

    /// <summary>Loads the resource (tracked, for a change by the caller): 404 when missing, 403 when not theirs.</summary>
    public static async Task<T> GetOwnedAsync<T>(this IQueryable<T> resources, Guid id, Guid callerId,
        string notFoundMessage, string forbiddenMessage, CancellationToken cancellationToken) where T : Entity, IOwned
    {
        var resource = await resources.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
                       ?? throw new NotFoundException(notFoundMessage);
        return resource.EnsureOwnedBy(callerId, forbiddenMessage);
    }
}
