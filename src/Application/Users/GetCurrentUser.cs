using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Users;

public sealed class GetCurrentUserHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    public async Task<UserDto> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
                   .ProjectTo<UserDto>(mapper.ConfigurationProvider)
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new UnauthorizedException("Invalid Access Token");
    }
}
