using Microsoft.IdentityModel.JsonWebTokens;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.WebApi.Infrastructure;

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser, IRequestContext
{
    public Guid? UserId => ClaimGuid(JwtRegisteredClaimNames.Sub);

    public Guid? SessionId => ClaimGuid(IAccessTokenIssuer.SessionClaim);

    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString();

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private Guid? ClaimGuid(string type) =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(type)?.Value, out var value) ? value : null;
}
