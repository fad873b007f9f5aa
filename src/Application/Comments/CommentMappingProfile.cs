using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Comments;

public sealed class CommentMappingProfile : Profile
{
    public CommentMappingProfile()
    {
        // A ProjectTo parameter: the caller whose likes IsLiked reports.
        Guid callerId = default;

        CreateMap<Comment, CommentDto>()
            .ForMember(dto => dto.Video, options => options.MapFrom(comment => comment.VideoId))
            .ForMember(dto => dto.LikesCount, options => options.MapFrom(comment => (int)comment.LikesCount))
            .ForMember(dto => dto.IsLiked, options => options.MapFrom(comment => comment.Likes.Any(like => like.LikedById == callerId)));
    }
}
