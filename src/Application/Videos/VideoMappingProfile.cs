using AutoMapper;
using VideoTube.Application.Subscriptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

public sealed class VideoMappingProfile : Profile
{
    public VideoMappingProfile()
    {
        // A ProjectTo parameter: the caller whose likes and subscriptions the page shows, and who alone sees why
        // their own video failed to process (no caller supplied: nobody does).
        Guid callerId = default;

        // Flat targets: the owner becomes a summary record, never a User with navigations (GHSA-rvv3-g6hj-g44x).
        CreateMap<Video, VideoDto>()
            .ForMember(dto => dto.FailureReason, options => options.MapFrom(video => video.OwnerId == callerId ? video.FailureReason : null));
        CreateMap<Video, VideoDetailDto>()
            .ForMember(dto => dto.FailureReason, options => options.MapFrom(video => video.OwnerId == callerId ? video.FailureReason : null))
            .ForMember(dto => dto.LikesCount, options => options.MapFrom(video => (int)video.LikesCount))
            .ForMember(dto => dto.IsLiked, options => options.MapFrom(video => video.Likes.Any(like => like.LikedById == callerId)));
        CreateMap<User, VideoOwnerDto>().IncludeBase<User, ChannelSummaryDto>()
            .ForMember(dto => dto.IsSubscribed, options => options.MapFrom(user =>
                user.Subscribers.Any(subscription => subscription.SubscriberId == callerId)));
    }
}
