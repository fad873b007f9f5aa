using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Users;

public sealed record RefreshAccessTokenCommand(string? RefreshToken);

/// <summary>Unlike chai-backend (quirk 1), the rotated refresh token is returned and set, so the next refresh works.</summary>
public sealed class RefreshAccessTokenHandler(ILoginSessions sessions)
{
    public async Task<SessionTokens> HandleAsync(RefreshAccessTokenCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.RefreshToken))
            throw new UnauthorizedException("unauthorized request");
        return await sessions.RotateAsync(command.RefreshToken, cancellationToken);
    }
}
