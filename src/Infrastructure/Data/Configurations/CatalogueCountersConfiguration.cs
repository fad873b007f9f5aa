using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class CatalogueCountersConfiguration : IEntityTypeConfiguration<CatalogueCounters>
{
    public void Configure(EntityTypeBuilder<CatalogueCounters> builder)
    {
        // One row only (inserted by the StoredCounters migration): the triggers update id 1 and the feed reads it.
        builder.ToTable("catalogue_counters", t => t.HasCheckConstraint("ck_catalogue_counters_singleton", "id = 1"));
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PublishedVideos).IsStoredCounter();
        builder.Property(c => c.SearchVersion).IsStoredCounter();
    }
}
