using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class VideoConfiguration : IEntityTypeConfiguration<Video>
{
    /// <summary>Text-search configuration; queries must use the same one for the expression index to apply.</summary>
    public const string SearchConfig = "english";

    public void Configure(EntityTypeBuilder<Video> builder)
    {
        builder.ToTable("videos");
        builder.Property(v => v.VideoFileKey).HasMaxLength(512).IsRequired();
        builder.Property(v => v.ThumbnailKey).HasMaxLength(512).IsRequired();
        builder.Property(v => v.Title).HasMaxLength(Video.MaxTitleLength).IsRequired();
        builder.Property(v => v.Description).HasMaxLength(Video.MaxDescriptionLength).IsRequired();
        builder.HasOne(v => v.Owner).WithMany(u => u.Videos).HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(v => v.LikesCount).IsStoredCounter();
        builder.Property(v => v.CommentsCount).IsStoredCounter();
        builder.HasIndex(v => new { v.OwnerId, v.CreatedAt });
        builder.HasIndex(v => new { v.IsPublished, v.CreatedAt });
        builder.HasIndex(v => v.Views);
        builder.HasIndex(v => v.VideoFileKey);
        builder.HasIndex(v => v.ThumbnailKey);
        // GIN index on to_tsvector('english', title || ' ' || description) for the list's `query` search.
        builder.HasIndex(v => new { v.Title, v.Description })
            .HasMethod("GIN")
            .IsTsVectorExpressionIndex(SearchConfig)
            .HasDatabaseName("ix_videos_search");
    }
}
