using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Users;

public sealed record LogoutUserCommand(string? RefreshToken);

/// <summary>Ends the caller's current session (its refresh-token family); other devices stay logged in.</summary>
public sealed class LogoutUserHandler(ICurrentUser currentUser, ILoginSessions sessions)
{
    public async Task HandleAsync(LogoutUserCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        if (currentUser.SessionId is { } sessionId)
            await sessions.RevokeFamilyAsync(sessionId, "logout", cancellationToken);
        if (!string.IsNullOrWhiteSpace(command.RefreshToken) &&
            await sessions.FindFamilyAsync(command.RefreshToken, userId, cancellationToken) is { } family)
            await sessions.RevokeFamilyAsync(family, "logout", cancellationToken);
    }
}
