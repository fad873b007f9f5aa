using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class VideoConfiguration : IEntityTypeConfiguration<Video>
{
    /// <summary>Text-search configuration of the stored vector; queries parse their terms with the same one.</summary>
    public const string SearchConfig = "english";

    /// <summary>The shadow property of the stored search vector (column <c>search_vector</c>).</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Video> builder)
    {
        builder.ToTable("videos");
        builder.Property(v => v.VideoFileKey).HasMaxLength(512).IsRequired();
        builder.Property(v => v.ThumbnailKey).HasMaxLength(512).IsRequired();
        builder.Property(v => v.Title).HasMaxLength(Video.MaxTitleLength).IsRequired();
        builder.Property(v => v.Description).HasMaxLength(Video.MaxDescriptionLength).IsRequired();
        // Stored as the lower-case word the API shows, so the column reads the same in SQL as in JSON.
        builder.Property(v => v.Status).HasMaxLength(16)
            .HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<VideoStatus>(s, true));
        builder.Property(v => v.HlsKey).HasMaxLength(512);
        builder.Property(v => v.FailureReason).HasMaxLength(Video.MaxFailureReasonLength);
        builder.HasOne(v => v.Owner).WithMany(u => u.Videos).HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(v => v.LikesCount).IsStoredCounter();
        builder.Property(v => v.CommentsCount).IsStoredCounter();
        // A channel's videos whatever their state, in the feed's order with its tie-break: the userId-filtered feed, the
        // dashboard's list, the cascade when a user goes, and the subscription feed of a few channels, which reads only
        // a page of each channel from a seek on all three columns (without the id, it read and sorted every video of
        // each followed channel: 159 against 6,063 tx/s for a user following eight busy channels).
        builder.HasIndex(v => new { v.OwnerId, v.CreatedAt, v.Id }, "OwnerFeedOrder")
            .HasDatabaseName("ix_videos_owner_id_created_at_id");
        // The caller's own drafts, the second branch of every feed page: through the index above it walked all the
        // caller's videos and dropped the published ones (most of them); this one holds only drafts, in the feed's order.
        builder.HasIndex(v => new { v.OwnerId, v.CreatedAt, v.Id }, "OwnerDrafts").IsDescending(false, true, true)
            .HasFilter("NOT is_published").HasDatabaseName("ix_videos_owner_drafts");
        // The feed's order (and its keyset seek) over published videos only: the first page of the feed, of a broad
        // search, of a subscription feed and of any depth reached by cursor reads about a page of this index.
        builder.HasIndex(v => new { v.CreatedAt, v.Id }).IsDescending().HasFilter("is_published")
            .HasDatabaseName("ix_videos_published_created_at_id");
        builder.HasIndex(v => v.Views);
        builder.HasIndex(v => v.VideoFileKey);
        builder.HasIndex(v => v.ThumbnailKey);
        // Stored, so a search that walks the feed's index tests each row's vector instead of parsing its text; the
        // expression is the one the list searched before (to_tsvector('english', title || ' ' || description)).
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql($"to_tsvector('{SearchConfig}'::regconfig, ((title)::text || ' ') || (description)::text)",
                stored: true);
        // Only published videos: a caller's own drafts are searched through their owner index.
        builder.HasIndex(SearchVector).HasMethod("GIN").HasFilter("is_published")
            .HasDatabaseName("ix_videos_published_search_vector");
    }
}
