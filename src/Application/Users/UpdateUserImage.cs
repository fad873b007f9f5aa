using AutoMapper;
using FluentValidation;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Validation;

namespace VideoTube.Application.Users;

public enum UserImageKind { Avatar, CoverImage }

public sealed record UpdateUserImageCommand(UserImageKind Kind, FileUpload? File);

/// <summary>
/// Replaces the avatar or cover image: the new file is stored first, the user row updated, and only then is the old
/// file deleted, so a failure at any step leaves the user with a working image and no orphan file.
/// </summary>
public sealed class UpdateUserImageValidator : CommandValidator<UpdateUserImageCommand>
{
    public UpdateUserImageValidator() =>
        RuleFor(c => c.File).NotNull()
            .WithMessage(c => c.Kind == UserImageKind.Avatar ? "Avatar file is missing" : "Cover image file is missing");
}

public sealed class UpdateUserImageHandler(
    IIdentityService identity, ICurrentUser currentUser, ImageUploads images, IMediaStorage storage, IMapper mapper,
    IValidator<UpdateUserImageCommand> validator)
{
    public async Task<UserDto> HandleAsync(UpdateUserImageCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken);
        var user = await identity.FindByIdAsync(currentUser.RequiredUserId, cancellationToken)
                   ?? throw new UnauthorizedException("Invalid Access Token");

        var folder = command.Kind == UserImageKind.Avatar ? "avatars" : "covers";
        var stored = await images.SaveAsync(command.File!, folder, cancellationToken);
        var previousKey = command.Kind == UserImageKind.Avatar ? user.AvatarKey : user.CoverImageKey;
        try
        {
            if (command.Kind == UserImageKind.Avatar) user.AvatarKey = stored.Key;
            else user.CoverImageKey = stored.Key;
            var outcome = await identity.UpdateAsync(user, cancellationToken);
            if (!outcome.Succeeded)
                throw new ValidationException("Could not update the image", outcome.Errors);
        }
        catch
        {
            await storage.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }

        if (!string.IsNullOrEmpty(previousKey))
            await storage.DeleteAsync(previousKey, CancellationToken.None);
        return mapper.Map<UserDto>(user);
    }
}
