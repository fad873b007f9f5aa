using AutoMapper;
using FluentValidation;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed record RegisterUserCommand(
    string? FullName, string? Email, string? Username, string? Password, FileUpload? Avatar, FileUpload? CoverImage);

public sealed class RegisterUserValidator : CommandValidator<RegisterUserCommand>
{
    public RegisterUserValidator()
    {
        // Every missing field is reported together, before any format rule.
        RuleFor(c => c.FullName).RequiredField("fullName");
        RuleFor(c => c.Email).RequiredField("email");
        RuleFor(c => c.Username).RequiredField("username");
        RuleFor(c => c.Password).RequiredField("password");
        RuleFor(c => c.FullName).ValidFullName();
        RuleFor(c => c.Username).ValidUsername();
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidPassword();
        RuleFor(c => c.Avatar).NotNull().WithMessage("Avatar file is required");
    }
}

public sealed class RegisterUserHandler(
    IIdentityService identity, ImageUploads images, IMediaStorage storage, IMapper mapper,
    IValidator<RegisterUserCommand> validator)
{
    public const string DuplicateMessage = "User with email or username already exists";

    public async Task<UserDto> HandleAsync(RegisterUserCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken);
        var username = UserInput.NormalizeUsername(command.Username!);
        var email = UserInput.NormalizeEmail(command.Email!);
        var fullName = command.FullName!.Trim();

        // Checked before any file is stored, so a duplicate leaves nothing behind (chai-backend quirk 3).
        if (await identity.IsUserNameOrEmailTakenAsync(username, email, cancellationToken))
            throw new ConflictException(DuplicateMessage);

        var stored = new List<StoredMedia>();
        try
        {
            var avatar = await images.SaveAsync(command.Avatar!, "avatars", cancellationToken);
            stored.Add(avatar);
            var cover = command.CoverImage is null ? null : await images.SaveAsync(command.CoverImage, "covers", cancellationToken);
            if (cover is not null) stored.Add(cover);

            var user = new User
            {
                UserName = username,
                Email = email,
                FullName = fullName,
                AvatarKey = avatar.Key,
                CoverImageKey = cover?.Key ?? string.Empty,
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
