using AutoMapper;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed record RegisterUserCommand(
    string? FullName, string? Email, string? Username, string? Password, FileUpload? Avatar, FileUpload? CoverImage);

public sealed class RegisterUserHandler(
    IIdentityService identity, ImageUploads images, IMediaStorage storage, IMapper mapper)
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
            throw new ValidationException("Avatar file is required");

        // Checked before any file is stored, so a duplicate leaves nothing behind (chai-backend quirk 3).
        if (await identity.IsUserNameOrEmailTakenAsync(username, email, cancellationToken))
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
            var outcome = await identity.CreateAsync(user, command.Password!, cancellationToken);
            if (outcome.Failure == IdentityFailure.DuplicateUserNameOrEmail)
                throw new ConflictException(DuplicateMessage);
            if (!outcome.Succeeded)
                throw new ValidationException("Invalid registration details", outcome.Errors);
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
}
