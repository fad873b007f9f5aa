using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

public sealed class VideoMappingProfile : Profile
{
    public VideoMappingProfile()
    {
        // Flat target: the owner becomes a summary record, never a User with navigations (GHSA-rvv3-g6hj-g44x).
        // The failure reason is the owner's: it is filled only when a caller id is supplied and owns the video.
        Guid? callerId = null;
        CreateMap<Video, VideoDto>()
            .ForMember(d => d.FailureReason, o => o.MapFrom(v => v.OwnerId == callerId ? v.FailureReason : null));
    }
}
