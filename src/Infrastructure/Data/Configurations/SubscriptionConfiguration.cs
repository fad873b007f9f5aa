using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        // Named explicitly: with both ends of the pair mapped as User navigations, the convention would name them
        // after Identity's default table and rename the existing constraints.
        builder.ToTable("subscriptions", t =>
            t.HasCheckConstraint("ck_subscriptions_not_self", "subscriber_id <> channel_id"));
        builder.HasOne(s => s.Subscriber).WithMany(u => u.Subscriptions).HasForeignKey(s => s.SubscriberId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_subscriptions_users_subscriber_id");
        builder.HasOne(s => s.Channel).WithMany(u => u.Subscribers).HasForeignKey(s => s.ChannelId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_subscriptions_users_channel_id");
        // The unique pair also serves lookups by subscriber; the channel side needs its own index.
        builder.HasIndex(s => new { s.SubscriberId, s.ChannelId }).IsUnique();
        builder.HasIndex(s => s.ChannelId);
    }
}
