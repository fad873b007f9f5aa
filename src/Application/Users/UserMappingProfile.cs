using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Users;

public sealed class UserMappingProfile : Profile
{
    public UserMappingProfile()
    {
        CreateMap<User, UserDto>()
            .ForMember(dto => dto.Username, options => options.MapFrom(user => user.UserName));
        CreateMap<User, UserSummaryDto>()
            .ForMember(dto => dto.Username, options => options.MapFrom(user => user.UserName));
    }
}
