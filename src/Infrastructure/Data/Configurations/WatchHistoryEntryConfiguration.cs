using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class WatchHistoryEntryConfiguration : IEntityTypeConfiguration<WatchHistoryEntry>
{
    public void Configure(EntityTypeBuilder<WatchHistoryEntry> builder)
    {
        builder.ToTable("watch_history");
        builder.HasKey(h => new { h.UserId, h.VideoId });
        builder.HasOne(h => h.User).WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.Video).WithMany().HasForeignKey(h => h.VideoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.UserId, h.WatchedAt }).IsDescending(false, true);
        builder.HasIndex(h => h.VideoId);
    }
}
