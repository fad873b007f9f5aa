using Microsoft.AspNetCore.Identity;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed record ChangePasswordCommand(string? OldPassword, string? NewPassword);

/// <summary>A new password ends every session of the user, on every device (chai-backend kept them, quirk 8).</summary>
public sealed class ChangePasswordHandler(UserManager<User> userManager, ICurrentUser currentUser, LoginSessions sessions)
{
    public async Task HandleAsync(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        UserInput.RequireFields(("oldPassword", command.OldPassword), ("newPassword", command.NewPassword));
        UserInput.ValidatePassword(command.NewPassword!, "newPassword");
        var user = await userManager.FindByIdAsync(currentUser.RequiredUserId.ToString())
                   ?? throw new UnauthorizedException("Invalid Access Token");

        var result = await userManager.ChangePasswordAsync(user, command.OldPassword!, command.NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                throw new BadRequestException("Invalid old password");
            throw new BadRequestException("Invalid password", result.Errors.Select(e => e.Description).ToList());
        }
        await sessions.RevokeAllAsync(user.Id, "password-changed", cancellationToken);
    }
}
