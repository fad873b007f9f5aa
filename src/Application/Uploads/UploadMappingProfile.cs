using AutoMapper;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Uploads;

public sealed class UploadMappingProfile : Profile
{
    public UploadMappingProfile() =>
        // tus names the figures Upload-Length and Upload-Offset; the JSON view keeps those names.
        CreateMap<Upload, UploadDto>()
            .ForMember(dto => dto.UploadLength, options => options.MapFrom(upload => upload.Length))
            .ForMember(dto => dto.UploadOffset, options => options.MapFrom(upload => upload.Offset));
}
