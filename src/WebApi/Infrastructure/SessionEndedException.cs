using Microsoft.IdentityModel.Tokens;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>The access token is genuine but its session was ended by logout, a password change or token reuse.</summary>
public sealed class SessionEndedException() : SecurityTokenException("The session of this access token has ended");
