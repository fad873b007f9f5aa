namespace VideoTube.Domain.Entities;

/// <summary>Where a video is in its processing: renditions are built in the background after the upload.</summary>
public enum VideoStatus
{
    Processing,
    Ready,
    Failed,
}
