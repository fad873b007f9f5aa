using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Dashboard;

public sealed class DashboardMappingProfile : Profile
{
    public DashboardMappingProfile()
    {
        // Only used through ChannelVideoRow, which supplies the figures: they are not properties of the entity.
        CreateMap<Video, ChannelVideoDto>(MemberList.None);
        CreateMap<ChannelVideoRow, ChannelVideoDto>().IncludeMembers(row => row.Video);
    }
}
