using AutoMapper;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Uploads;

public sealed record GetUploadQuery(Guid UploadId);

/// <summary>An upload's offset and state (tus HEAD, and the JSON view that tells the client its video id).</summary>
public sealed class GetUploadHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock,
    IMapper mapper)
{
    public async Task<UploadDto> HandleAsync(GetUploadQuery query, CancellationToken cancellationToken)
    {
        var callerId = currentUser.RequiredUserId;
        var upload = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.UploadId, cancellationToken);
        return mapper.Map<UploadDto>(UploadAccess.EnsureUsable(upload, callerId, clock.GetUtcNow().UtcDateTime));
    }
}
