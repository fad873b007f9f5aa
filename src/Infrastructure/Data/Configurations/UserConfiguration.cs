using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.UserName).HasMaxLength(30).IsRequired();
        builder.Property(u => u.NormalizedUserName).HasMaxLength(30).IsRequired();
        builder.Property(u => u.Email).HasMaxLength(254).IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254).IsRequired();
        builder.Property(u => u.FullName).HasMaxLength(100).IsRequired();
        builder.Property(u => u.AvatarKey).HasMaxLength(512).IsRequired();
        builder.Property(u => u.CoverImageKey).HasMaxLength(512).IsRequired();
        // Identity declares a non-unique email index; email is an account identity here, so make it unique.
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email").IsUnique();
        builder.HasIndex(u => u.FullName);
        builder.Property(u => u.SubscribersCount).IsStoredCounter();
        builder.Property(u => u.SubscriptionsCount).IsStoredCounter();
        builder.Property(u => u.VideosCount).IsStoredCounter();
        builder.Property(u => u.PublishedVideosCount).IsStoredCounter();
        builder.Property(u => u.TotalViews).IsStoredCounter();
        builder.Property(u => u.TotalLikes).IsStoredCounter();
    }
}
