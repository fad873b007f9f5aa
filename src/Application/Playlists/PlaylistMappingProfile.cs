using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

public sealed class PlaylistMappingProfile : Profile
{
    public PlaylistMappingProfile()
    {
        // Only used through the rows, which choose the visible videos and compute the totals.
        CreateMap<Playlist, PlaylistDto>(MemberList.None).ForMember(dto => dto.Videos, options => options.Ignore());
        CreateMap<PlaylistRow, PlaylistDto>().IncludeMembers(row => row.Playlist);
        CreateMap<Playlist, PlaylistSummaryDto>(MemberList.None);
        CreateMap<PlaylistSummaryRow, PlaylistSummaryDto>().IncludeMembers(row => row.Playlist);
    }
}
