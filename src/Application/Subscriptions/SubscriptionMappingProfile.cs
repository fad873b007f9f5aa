using AutoMapper;
using VideoTube.Application.Users;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Subscriptions;

public sealed class SubscriptionMappingProfile : Profile
{
    public SubscriptionMappingProfile()
    {
        CreateMap<User, ChannelSummaryDto>().IncludeBase<User, UserSummaryDto>()
            .ForMember(dto => dto.SubscribersCount, options => options.MapFrom(user => (int)user.SubscribersCount));
        CreateMap<Subscription, SubscribedChannelDto>()
            .ForMember(dto => dto.Subscriber, options => options.MapFrom(subscription => subscription.SubscriberId));
        CreateMap<Subscription, ChannelSubscriberDto>()
            .ForMember(dto => dto.Channel, options => options.MapFrom(subscription => subscription.ChannelId));
        // The id breaks ties, so the order is stable for subscriptions made in the same instant.
        CreateMap<User, ChannelSubscribersDto>()
            .ForMember(dto => dto.Subscribers, options => options.MapFrom(user =>
                user.Subscribers.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)));
        CreateMap<User, SubscribedChannelsDto>()
            .ForMember(dto => dto.Subscriptions, options => options.MapFrom(user =>
                user.Subscriptions.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)));
    }
}
