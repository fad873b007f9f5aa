using Microsoft.EntityFrameworkCore;
using VideoTube.Infrastructure.Data;

namespace VideoTube.UnitTests;

public sealed class MigrationsTests
{
    [Test]
    public void Every_model_change_has_a_migration()
    {
        using var context = new ApplicationDbContextFactory().CreateDbContext([]);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False,
            "run: dotnet ef migrations add <Name> --project src/Infrastructure --output-dir Data/Migrations");
    }
}
