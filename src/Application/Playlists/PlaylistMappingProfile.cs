using AutoMapper;
using VideoTube.Application.Common.Access;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

public sealed class PlaylistMappingProfile : Profile
{
    public PlaylistMappingProfile()
    {
        // A ProjectTo parameter: only the videos this caller may open are listed and counted.
        Guid callerId = default;

        CreateMap<Playlist, PlaylistDto>()
            .ForMember(dto => dto.Videos, options => options.MapFrom(playlist => playlist.Videos.AsQueryable()
                .Where(VideoAccess.EntryVisibleTo(callerId))
                .OrderBy(entry => entry.AddedAt).ThenBy(entry => entry.VideoId)
                .Select(entry => entry.Video)));
        CreateMap<Playlist, PlaylistSummaryDto>()
            .ForMember(dto => dto.TotalVideos, options => options.MapFrom(playlist =>
                playlist.Videos.AsQueryable().Count(VideoAccess.EntryVisibleTo(callerId))))
            .ForMember(dto => dto.TotalDuration, options => options.MapFrom(playlist =>
                playlist.Videos.AsQueryable().Where(VideoAccess.EntryVisibleTo(callerId)).Sum(entry => entry.Video!.Duration)));
    }
}
