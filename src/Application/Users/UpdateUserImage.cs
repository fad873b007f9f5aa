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
/// Replaces the avatar or cover image: the new file is stored first, the user row pointed at it in one statement that
/// hands back the URL it replaced, and only then is that old file deleted, so a failure at any step or N concurrent
/// replacements leave the user with a working image and no orphan file (and never a concurrency-stamp 400).
/// </summary>
public sealed class UpdateUserImageValidator : CommandValidator<UpdateUserImageCommand>
{
    public UpdateUserImageValidator() =>
        RuleFor(c => c.File).NotNull()
            .WithMessage(c => c.Kind == UserImageKind.Avatar ? "Avatar file is missing" : "Cover image file is missing");
}

public sealed class UpdateUserImageHandler(
    IIdentityService identity, IUserQueries users, ICurrentUser currentUser, ImageUploads images, IMediaStorage storage,
    IMapper mapper, IValidator<UpdateUserImageCommand> validator)
{
    public async Task<UserDto> HandleAsync(UpdateUserImageCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken);
        var user = await identity.FindByIdAsync(currentUser.RequiredUserId, cancellationToken)
                   ?? throw new UnauthorizedException("Invalid Access Token");

        var folder = command.Kind == UserImageKind.Avatar ? "avatars" : "covers";
        var stored = await images.SaveAsync(command.File!, folder, cancellationToken);
        ReplacedFile? replaced;
        try
        {
            replaced = await users.ReplaceImageAsync(user.Id, command.Kind, stored.Key, cancellationToken)
                       ?? throw new UnauthorizedException("Invalid Access Token");
        }
        catch
        {
            await storage.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }

        if (replaced.Previous is { } previousKey)
            await storage.DeleteAsync(previousKey, CancellationToken.None);
        // Stored by the statement above; set here only so the reply shows it.
        if (command.Kind == UserImageKind.Avatar) user.AvatarKey = stored.Key;
        else user.CoverImageKey = stored.Key;
        return mapper.Map<UserDto>(user);
    }
}
