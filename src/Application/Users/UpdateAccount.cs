using AutoMapper;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Users;

public sealed record UpdateAccountCommand(string? FullName, string? Email);

public sealed class UpdateAccountHandler(IIdentityService identity, ICurrentUser currentUser, IMapper mapper)
{
    private const string EmailInUse = "Email is already in use";

    public async Task<UserDto> HandleAsync(UpdateAccountCommand command, CancellationToken cancellationToken)
    {
        UserInput.RequireFields(("fullName", command.FullName), ("email", command.Email));
        var fullName = UserInput.ValidateFullName(command.FullName!);
        var email = UserInput.NormalizeEmail(command.Email!);
        UserInput.ValidateEmail(email);

        var user = await identity.FindByIdAsync(currentUser.RequiredUserId, cancellationToken)
                   ?? throw new UnauthorizedException("Invalid Access Token");
        if (await identity.IsEmailTakenByAnotherAsync(email, user.Id, cancellationToken))
            throw new ConflictException(EmailInUse);

        user.FullName = fullName;
        user.Email = email;
        var outcome = await identity.UpdateAsync(user, cancellationToken);
        if (outcome.Failure == IdentityFailure.DuplicateUserNameOrEmail)
            throw new ConflictException(EmailInUse);
        if (!outcome.Succeeded)
            throw new ValidationException("Invalid account details", outcome.Errors);
        return mapper.Map<UserDto>(user);
    }
}
