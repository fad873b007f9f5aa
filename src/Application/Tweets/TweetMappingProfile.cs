using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Tweets;

public sealed class TweetMappingProfile : Profile
{
    public TweetMappingProfile()
    {
        // Only used through TweetRow, which supplies the like figures: they are not properties of the entity.
        CreateMap<Tweet, TweetDto>(MemberList.None);
        CreateMap<TweetRow, TweetDto>().IncludeMembers(row => row.Tweet);
    }
}
