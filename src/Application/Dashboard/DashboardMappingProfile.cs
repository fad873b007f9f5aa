using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Dashboard;

public sealed class DashboardMappingProfile : Profile
{
    public DashboardMappingProfile()
    {
        // Stored counters (kept by database triggers), so a video's figures cost nothing beyond its row.
        CreateMap<Video, ChannelVideoDto>()
            .ForMember(dto => dto.LikesCount, options => options.MapFrom(video => (int)video.LikesCount))
            .ForMember(dto => dto.CommentsCount, options => options.MapFrom(video => (int)video.CommentsCount));
        // All four figures are stored on the owner's user row: one indexed row read, however large the channel.
        CreateMap<User, ChannelStatsDto>()
            .ForMember(dto => dto.TotalVideos, options => options.MapFrom(user => (int)user.VideosCount))
            .ForMember(dto => dto.TotalViews, options => options.MapFrom(user => user.TotalViews))
            .ForMember(dto => dto.TotalSubscribers, options => options.MapFrom(user => (int)user.SubscribersCount))
            .ForMember(dto => dto.TotalLikes, options => options.MapFrom(user => (int)user.TotalLikes));
    }
}
