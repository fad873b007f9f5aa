using AutoMapper;
using VideoTube.Application.Subscriptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed class UserMappingProfile : Profile
{
    public UserMappingProfile()
    {
        // A ProjectTo parameter: the caller whose point of view the profile is read from.
        Guid callerId = default;

        CreateMap<User, UserDto>()
            .ForMember(dto => dto.Username, options => options.MapFrom(user => user.UserName));
        CreateMap<User, UserSummaryDto>()
            .ForMember(dto => dto.Username, options => options.MapFrom(user => user.UserName));
        CreateMap<User, ChannelProfileDto>().IncludeBase<User, ChannelSummaryDto>()
            .ForMember(dto => dto.Email, options => options.MapFrom(user => user.Id == callerId ? user.Email : null))
            .ForMember(dto => dto.ChannelsSubscribedToCount, options => options.MapFrom(user => (int)user.SubscriptionsCount))
            .ForMember(dto => dto.IsSubscribed, options => options.MapFrom(user =>
                user.Subscribers.Any(subscription => subscription.SubscriberId == callerId)));
    }
}
