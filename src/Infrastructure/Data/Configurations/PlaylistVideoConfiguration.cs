using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class PlaylistVideoConfiguration : IEntityTypeConfiguration<PlaylistVideo>
{
    public void Configure(EntityTypeBuilder<PlaylistVideo> builder)
    {
        builder.ToTable("playlist_videos");
        // The composite key makes "add" idempotent: a video appears in a playlist at most once.
        builder.HasKey(pv => new { pv.PlaylistId, pv.VideoId });
        builder.HasOne(pv => pv.Playlist).WithMany(p => p.Videos).HasForeignKey(pv => pv.PlaylistId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pv => pv.Video).WithMany().HasForeignKey(pv => pv.VideoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(pv => pv.VideoId);
    }
}
