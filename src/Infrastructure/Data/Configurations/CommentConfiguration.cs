using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("comments");
        builder.Property(c => c.Content).HasMaxLength(Comment.MaxContentLength).IsRequired();
        builder.HasOne(c => c.Video).WithMany(v => v.Comments).HasForeignKey(c => c.VideoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.VideoId, c.CreatedAt });
        builder.HasIndex(c => c.OwnerId);
        builder.Property(c => c.LikesCount).IsStoredCounter();
    }
}
