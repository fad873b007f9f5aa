using AutoMapper;
using FluentValidation;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;

namespace VideoTube.Application.Users;

public sealed record LoginUserCommand(string? Username, string? Email, string? Password);

public sealed record LoginResult(UserDto User, string AccessToken, string RefreshToken, SessionTokens Session);

public sealed class LoginUserValidator : CommandValidator<LoginUserCommand>
{
    public LoginUserValidator()
    {
        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.Username) || !string.IsNullOrWhiteSpace(c.Email))
            .WithMessage("username or email is required");
        RuleFor(c => c.Password).Must(password => !string.IsNullOrEmpty(password)).WithMessage("password is required");
    }
}

public sealed class LoginUserHandler(IIdentityService identity, ILoginSessions sessions, IMapper mapper,
    IValidator<LoginUserCommand> validator)
{
    // One message for unknown account and wrong password so the API does not reveal which accounts exist (quirk 7).
    public const string InvalidCredentials = "Invalid user credentials";

    public async Task<LoginResult> HandleAsync(LoginUserCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken);

        var check = await identity.CheckPasswordAsync(
            string.IsNullOrWhiteSpace(command.Username) ? null : UserInput.NormalizeUsername(command.Username),
            string.IsNullOrWhiteSpace(command.Email) ? null : UserInput.NormalizeEmail(command.Email),
            command.Password!, cancellationToken);
        var user = check.Result switch
        {
            PasswordCheckResult.Succeeded => check.User!,
            PasswordCheckResult.LockedOut => throw new TooManyRequestsException(
                "Too many failed login attempts; try again later", check.RetryAfter),
            _ => throw new UnauthorizedException(InvalidCredentials),
        };

        var session = await sessions.StartAsync(user, cancellationToken);
        return new LoginResult(mapper.Map<UserDto>(user), session.AccessToken, session.RefreshToken, session);
    }
}
