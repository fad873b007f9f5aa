using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Dashboard;

public sealed class DashboardMappingProfile : Profile
{
    public DashboardMappingProfile()
    {
        CreateMap<Video, ChannelVideoDto>()
            .ForMember(dto => dto.LikesCount, options => options.MapFrom(video => video.Likes.Count))
            .ForMember(dto => dto.CommentsCount, options => options.MapFrom(video => video.Comments.Count));
        // Read from the owner's user row: the four aggregates become scalar sub-queries of ONE statement.
        CreateMap<User, ChannelStatsDto>()
            .ForMember(dto => dto.TotalVideos, options => options.MapFrom(user => user.Videos.Count))
            .ForMember(dto => dto.TotalViews, options => options.MapFrom(user => user.Videos.Sum(video => video.Views)))
            .ForMember(dto => dto.TotalSubscribers, options => options.MapFrom(user => user.Subscribers.Count))
            .ForMember(dto => dto.TotalLikes, options => options.MapFrom(user => user.Videos.SelectMany(video => video.Likes).Count()));
    }
}
