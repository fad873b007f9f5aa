using AutoMapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed record UpdateAccountCommand(string? FullName, string? Email);

public sealed class UpdateAccountHandler(UserManager<User> userManager, ICurrentUser currentUser, IMapper mapper)
{
    public async Task<UserDto> HandleAsync(UpdateAccountCommand command, CancellationToken cancellationToken)
    {
        UserInput.RequireFields(("fullName", command.FullName), ("email", command.Email));
        var fullName = UserInput.ValidateFullName(command.FullName!);
        var email = UserInput.NormalizeEmail(command.Email!);
        UserInput.ValidateEmail(email);

        var user = await userManager.FindByIdAsync(currentUser.RequiredUserId.ToString())
                   ?? throw new UnauthorizedException("Invalid Access Token");
        var normalizedEmail = userManager.NormalizeEmail(email);
        if (await userManager.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != user.Id, cancellationToken))
            throw new ConflictException("Email is already in use");

        user.FullName = fullName;
        user.Email = email;
        user.NormalizedEmail = normalizedEmail;
        var result = await userManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
                throw new ConflictException("Email is already in use");
            throw new BadRequestException("Invalid account details", result.Errors.Select(e => e.Description).ToList());
        }
        return mapper.Map<UserDto>(user);
    }
}
