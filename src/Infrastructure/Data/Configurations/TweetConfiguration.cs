using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class TweetConfiguration : IEntityTypeConfiguration<Tweet>
{
    public void Configure(EntityTypeBuilder<Tweet> builder)
    {
        builder.ToTable("tweets");
        builder.Property(t => t.Content).HasMaxLength(Tweet.MaxContentLength).IsRequired();
        builder.HasOne(t => t.Owner).WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.OwnerId, t.CreatedAt });
        builder.Property(t => t.LikesCount).IsStoredCounter();
    }
}
