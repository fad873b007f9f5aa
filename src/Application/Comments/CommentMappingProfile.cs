using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Comments;

public sealed class CommentMappingProfile : Profile
{
    public CommentMappingProfile()
    {
        // Only used through CommentRow, which supplies the like figures: they are not properties of the entity.
        CreateMap<Comment, CommentDto>(MemberList.None)
            .ForMember(dto => dto.Video, options => options.MapFrom(comment => comment.VideoId));
        CreateMap<CommentRow, CommentDto>().IncludeMembers(row => row.Comment);
    }
}
