using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VideoTube.Infrastructure.Data.Configurations;

internal static class StoredCounterExtensions
{
    /// <summary>
    /// A counter the database triggers own (migration StoredCounters): EF Core never writes it, so a tracked entity
    /// saved after its counter moved cannot put back the value it loaded; a new row starts from the column default.
    /// </summary>
    public static PropertyBuilder<long> IsStoredCounter(this PropertyBuilder<long> property)
    {
        property.HasDefaultValue(0L);
        property.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        property.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        return property;
    }
}
