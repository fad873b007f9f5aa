using VideoTube.Domain.Entities;

namespace VideoTube.Application.Common.Interfaces;

public interface IAccessTokenIssuer
{
    /// <summary>The claim that carries the session (refresh-token family) id.</summary>
    const string SessionClaim = "sid";

    /// <summary>Creates a signed, short-lived access token bound to a session (refresh-token family).</summary>
    AccessToken Issue(User user, Guid sessionId);
}

public sealed record AccessToken(string Value, DateTime ExpiresAt);
