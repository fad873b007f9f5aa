using AutoMapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed record LoginUserCommand(string? Username, string? Email, string? Password);

public sealed record LoginResult(UserDto User, string AccessToken, string RefreshToken, SessionTokens Session);

public sealed class LoginUserHandler(UserManager<User> userManager, LoginSessions sessions, IMapper mapper)
{
    // One message for unknown account and wrong password so the API does not reveal which accounts exist (quirk 7).
    public const string InvalidCredentials = "Invalid user credentials";

    public async Task<LoginResult> HandleAsync(LoginUserCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Username) && string.IsNullOrWhiteSpace(command.Email))
            throw new BadRequestException("username or email is required");
        if (string.IsNullOrEmpty(command.Password))
            throw new BadRequestException("password is required");

        var user = await FindAsync(command, cancellationToken) ?? throw new UnauthorizedException(InvalidCredentials);
        if (await userManager.IsLockedOutAsync(user))
            throw new TooManyRequestsException("Too many failed login attempts; try again later");
        if (!await userManager.CheckPasswordAsync(user, command.Password))
        {
            await userManager.AccessFailedAsync(user);
            throw new UnauthorizedException(InvalidCredentials);
        }
        if (user.AccessFailedCount > 0)
            await userManager.ResetAccessFailedCountAsync(user);

        var session = await sessions.StartAsync(user, cancellationToken);
        return new LoginResult(mapper.Map<UserDto>(user), session.AccessToken, session.RefreshToken, session);
    }

    private Task<User?> FindAsync(LoginUserCommand command, CancellationToken cancellationToken)
    {
        var byUsername = string.IsNullOrWhiteSpace(command.Username)
            ? null : userManager.NormalizeName(UserInput.NormalizeUsername(command.Username));
        var byEmail = string.IsNullOrWhiteSpace(command.Email)
            ? null : userManager.NormalizeEmail(UserInput.NormalizeEmail(command.Email));
        return userManager.Users.FirstOrDefaultAsync(
            u => (byUsername != null && u.NormalizedUserName == byUsername) ||
                 (byEmail != null && u.NormalizedEmail == byEmail), cancellationToken);
    }
}
