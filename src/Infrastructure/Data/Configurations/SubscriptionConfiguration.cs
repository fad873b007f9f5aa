using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("subscriptions", t =>
            t.HasCheckConstraint("ck_subscriptions_not_self", "subscriber_id <> channel_id"));
        builder.HasOne(s => s.Subscriber).WithMany().HasForeignKey(s => s.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Channel).WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
        // The unique pair also serves lookups by subscriber; the channel side needs its own index.
        builder.HasIndex(s => new { s.SubscriberId, s.ChannelId }).IsUnique();
        builder.HasIndex(s => s.ChannelId);
    }
}
