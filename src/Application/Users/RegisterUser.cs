using AutoMapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Media;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed record RegisterUserCommand(
    string? FullName, string? Email, string? Username, string? Password, FileUpload? Avatar, FileUpload? CoverImage);

public sealed class RegisterUserHandler(
    UserManager<User> userManager, ImageUploads images, IMediaStorage storage, IMapper mapper)
{
    public const string DuplicateMessage = "User with email or username already exists";

    public async Task<UserDto> HandleAsync(RegisterUserCommand command, CancellationToken cancellationToken)
    {
        UserInput.RequireFields(("fullName", command.FullName), ("email", command.Email),
            ("username", command.Username), ("password", command.Password));
        var username = UserInput.NormalizeUsername(command.Username!);
        var email = UserInput.NormalizeEmail(command.Email!);
        var fullName = UserInput.ValidateFullName(command.FullName!);
        UserInput.ValidateUsername(username);
        UserInput.ValidateEmail(email);
        UserInput.ValidatePassword(command.Password!);
        if (command.Avatar is null)
            throw new BadRequestException("Avatar file is required");

        // Checked before any file is stored, so a duplicate leaves nothing behind (chai-backend quirk 3).
        var normalizedUsername = userManager.NormalizeName(username);
        var normalizedEmail = userManager.NormalizeEmail(email);
        if (await userManager.Users.AnyAsync(
                u => u.NormalizedUserName == normalizedUsername || u.NormalizedEmail == normalizedEmail, cancellationToken))
            throw new ConflictException(DuplicateMessage);

        var stored = new List<StoredMedia>();
        try
        {
            var avatar = await images.SaveAsync(command.Avatar, "avatars", cancellationToken);
            stored.Add(avatar);
            var cover = command.CoverImage is null ? null : await images.SaveAsync(command.CoverImage, "covers", cancellationToken);
            if (cover is not null) stored.Add(cover);

            var user = new User
            {
                UserName = username,
                Email = email,
                FullName = fullName,
                Avatar = avatar.Url,
                CoverImage = cover?.Url ?? string.Empty,
            };
            var result = await userManager.CreateAsync(user, command.Password!);
            if (!result.Succeeded)
                throw ToException(result);
            return mapper.Map<UserDto>(user);
        }
        catch
        {
            // No orphan files: whatever failed after the uploads, remove them before reporting the error.
            foreach (var media in stored)
                await storage.DeleteAsync(media.Key, CancellationToken.None);
            throw;
        }
    }

    private static AppException ToException(IdentityResult result)
    {
        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)) ||
            codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)))
            return new ConflictException(DuplicateMessage);
        return new BadRequestException("Invalid registration details", result.Errors.Select(e => e.Description).ToList());
    }
}
