using AutoMapper;
using FluentValidation;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;

namespace VideoTube.Application.Users;

public sealed record UpdateAccountCommand(string? FullName, string? Email);

public sealed class UpdateAccountValidator : CommandValidator<UpdateAccountCommand>
{
    public UpdateAccountValidator()
    {
        RuleFor(c => c.FullName).RequiredField("fullName");
        RuleFor(c => c.Email).RequiredField("email");
        RuleFor(c => c.FullName).ValidFullName();
        RuleFor(c => c.Email).ValidEmail();
    }
}

public sealed class UpdateAccountHandler(IIdentityService identity, ICurrentUser currentUser, IMapper mapper,
    IValidator<UpdateAccountCommand> validator)
{
    private const string EmailInUse = "Email is already in use";

    public async Task<UserDto> HandleAsync(UpdateAccountCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken);
        var fullName = command.FullName!.Trim();
        var email = UserInput.NormalizeEmail(command.Email!);

        var user = await identity.FindByIdAsync(currentUser.RequiredUserId, cancellationToken)
                   ?? throw new UnauthorizedException("Invalid Access Token");
        if (await identity.IsEmailTakenByAnotherAsync(email, user.Id, cancellationToken))
            throw new ConflictException(EmailInUse);

        var outcome = await identity.UpdateProfileAsync(user.Id, fullName, email, cancellationToken);
        if (outcome.Failure == IdentityFailure.DuplicateUserNameOrEmail)
            throw new ConflictException(EmailInUse);
        if (outcome.Failure == IdentityFailure.UserNotFound)
            throw new UnauthorizedException("Invalid Access Token");
        if (!outcome.Succeeded)
            throw new ValidationException("Invalid account details", outcome.Errors);
        // Stored by the statement above; set here only so the reply shows it.
        user.FullName = fullName;
        user.Email = email;
        return mapper.Map<UserDto>(user);
    }
}
