using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Tweets;

public sealed class TweetMappingProfile : Profile
{
    public TweetMappingProfile()
    {
        // A ProjectTo parameter: the caller whose likes IsLiked reports.
        Guid callerId = default;

        CreateMap<Tweet, TweetDto>()
            .ForMember(dto => dto.LikesCount, options => options.MapFrom(tweet => (int)tweet.LikesCount))
            .ForMember(dto => dto.IsLiked, options => options.MapFrom(tweet => tweet.Likes.Any(like => like.LikedById == callerId)));
    }
}
