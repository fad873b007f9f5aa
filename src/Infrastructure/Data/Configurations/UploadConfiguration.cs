using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.ToTable("uploads", table =>
        {
            table.HasCheckConstraint("ck_uploads_offset", "\"offset\" >= 0 AND \"offset\" <= length");
        });
        builder.Ignore(u => u.IsComplete);
        builder.Property(u => u.Metadata).HasMaxLength(Upload.MaxMetadataLength).IsRequired();
        builder.Property(u => u.FileName).HasMaxLength(Upload.MaxFileNameLength).IsRequired();
        builder.Property(u => u.Title).HasMaxLength(Video.MaxTitleLength).IsRequired();
        builder.Property(u => u.Description).HasMaxLength(Video.MaxDescriptionLength).IsRequired();
        builder.Property(u => u.Extension).HasMaxLength(16).IsRequired();
        builder.Property(u => u.ContentType).HasMaxLength(64).IsRequired();
        builder.Property(u => u.PartKeys).IsRequired();
        builder.HasOne(u => u.Owner).WithMany().HasForeignKey(u => u.OwnerId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key to videos: deleting the video must not delete the record that the upload finished.
        builder.HasIndex(u => u.OwnerId);
        // The cleanup routine scans by expiry.
        builder.HasIndex(u => u.ExpiresAt);
    }
}
