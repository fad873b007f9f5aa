using FluentValidation;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;

namespace VideoTube.Application.Users;

public sealed record ChangePasswordCommand(string? OldPassword, string? NewPassword);

/// <summary>A new password ends every session of the user, on every device (chai-backend kept them, quirk 8).</summary>
public sealed class ChangePasswordValidator : CommandValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.OldPassword).RequiredField("oldPassword");
        RuleFor(c => c.NewPassword).RequiredField("newPassword");
        RuleFor(c => c.NewPassword).ValidPassword("newPassword");
    }
}

public sealed class ChangePasswordHandler(IIdentityService identity, ICurrentUser currentUser, ILoginSessions sessions,
    IValidator<ChangePasswordCommand> validator)
{
    public async Task HandleAsync(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken);
        var user = await identity.FindByIdAsync(currentUser.RequiredUserId, cancellationToken)
                   ?? throw new UnauthorizedException("Invalid Access Token");

        var outcome = await identity.ChangePasswordAsync(user, command.OldPassword!, command.NewPassword!, cancellationToken);
        if (outcome.Failure == IdentityFailure.PasswordMismatch)
            throw new ValidationException("Invalid old password");
        if (!outcome.Succeeded)
            throw new ValidationException("Invalid password", outcome.Errors);
        await sessions.RevokeAllAsync(user.Id, "password-changed", cancellationToken);
    }
}
