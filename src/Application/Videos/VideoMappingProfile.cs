using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

public sealed class VideoMappingProfile : Profile
{
    public VideoMappingProfile()
    {
        // Flat target: the owner becomes a summary record, never a User with navigations (GHSA-rvv3-g6hj-g44x).
        CreateMap<Video, VideoDto>();
    }
}
