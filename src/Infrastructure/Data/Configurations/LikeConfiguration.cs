using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class LikeConfiguration : IEntityTypeConfiguration<Like>
{
    public void Configure(EntityTypeBuilder<Like> builder)
    {
        builder.ToTable("likes", t => t.HasCheckConstraint("ck_likes_exactly_one_target",
            "num_nonnulls(video_id, comment_id, tweet_id) = 1"));
        builder.HasOne(l => l.LikedBy).WithMany().HasForeignKey(l => l.LikedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Video).WithMany(v => v.Likes).HasForeignKey(l => l.VideoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Comment).WithMany(c => c.Likes).HasForeignKey(l => l.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Tweet).WithMany(t => t.Likes).HasForeignKey(l => l.TweetId).OnDelete(DeleteBehavior.Cascade);

        // One like per user and target; the partial unique indexes make concurrent toggles unable to double-count.
        builder.HasIndex(l => new { l.LikedById, l.VideoId }).IsUnique().HasFilter("video_id IS NOT NULL");
        builder.HasIndex(l => new { l.LikedById, l.CommentId }).IsUnique().HasFilter("comment_id IS NOT NULL");
        builder.HasIndex(l => new { l.LikedById, l.TweetId }).IsUnique().HasFilter("tweet_id IS NOT NULL");
        builder.HasIndex(l => l.VideoId).HasFilter("video_id IS NOT NULL");
        builder.HasIndex(l => l.CommentId).HasFilter("comment_id IS NOT NULL");
        builder.HasIndex(l => l.TweetId).HasFilter("tweet_id IS NOT NULL");
    }
}
