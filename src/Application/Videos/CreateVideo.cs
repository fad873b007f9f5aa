using AutoMapper;
using AutoMapper.QueryableExtensions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Validation;
using VideoTube.Application.Users;
using VideoTube.Application.Videos.Processing;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

/// <param name="Thumbnail">Null when the client sent none (a resumable upload); the video then has no thumbnail
/// until one is set with <c>PATCH /api/v1/videos/{id}</c>.</param>
public sealed record CreateVideoCommand(Guid OwnerId, string? Title, string? Description, StoredMedia VideoFile,
    StoredMedia? Thumbnail);

public sealed class CreateVideoValidator : CommandValidator<CreateVideoCommand>
{
    public CreateVideoValidator()
    {
        RuleFor(command => command.Title).RequiredField("title").ValidTitle();
        RuleFor(command => command.Description).RequiredField("description").ValidDescription();
    }
}

/// <summary>
/// The one place a stored video file becomes a video row, whichever route brought the bytes (the multipart
/// <c>POST /api/v1/videos</c> or a finished tus upload): same validation, same row, same response. Work that must
/// follow every new video (probing, then queueing its processing job) belongs here.
/// The files stay the caller's: on failure it deletes them, since only it knows whether they are still needed.
/// </summary>
public sealed class CreateVideoHandler(IApplicationDbContext db, IVideoProbe probe, IVideoProcessingQueue processing,
    IMapper mapper, IValidator<CreateVideoCommand> validator)
{
    public async Task<VideoDto> HandleAsync(CreateVideoCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == command.OwnerId)
                        .ProjectTo<UserSummaryDto>(mapper.ConfigurationProvider)
                        .SingleOrDefaultAsync(cancellationToken)
                    ?? throw new UnauthorizedException("Invalid Access Token");
        var entity = new Video
        {
            OwnerId = command.OwnerId,
            Title = command.Title!.Trim(),
            Description = command.Description!.Trim(),
            VideoFileKey = command.VideoFile.Key,
            ThumbnailKey = command.Thumbnail?.Key ?? string.Empty,
            Duration = await probe.GetDurationAsync(command.VideoFile.Key, cancellationToken),
            IsPublished = true,
        };
        // One transaction for the row and its processing job, so no video waits for a job that was never queued;
        // the job also makes the thumbnail when the upload brought none.
        await processing.AddAndEnqueueAsync(entity, cancellationToken);
        return mapper.Map<VideoDto>(entity) with { Owner = owner };
    }
}
