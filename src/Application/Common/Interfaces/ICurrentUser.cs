namespace VideoTube.Application.Common.Interfaces;

/// <summary>The authenticated caller of the current request.</summary>
public interface ICurrentUser
{
    /// <summary>Null for anonymous requests.</summary>
    Guid? UserId { get; }

    /// <summary>The login session (refresh-token family) the access token was issued for.</summary>
    Guid? SessionId { get; }

    Guid RequiredUserId => UserId ?? throw new Exceptions.UnauthorizedException("Unauthorized request");
}
