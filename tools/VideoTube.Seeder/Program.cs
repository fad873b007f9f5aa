using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VideoTube.Infrastructure.Data;
using VideoTube.Seeder;

SeedOptions options;
try
{
    options = SeedOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(SeedOptions.Usage);
    return 0;
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"error: {error.Message}\n\n{SeedOptions.Usage}");
    return 2;
}

var clock = Stopwatch.StartNew();
if (options.Migrate)
{
    CopyWriter.Log("Applying EF Core migrations...");
    var dbOptions = new DbContextOptionsBuilder<ApplicationDbContext>();
    VideoTube.Infrastructure.DependencyInjection.ConfigureDbContext(dbOptions, options.ConnectionString);
    await using var db = new ApplicationDbContext(dbOptions.Options);
    await db.Database.MigrateAsync();
}

// No command timeout on the bulk connection: a COPY of ten million rows (or an index build over them) is one command
// that runs for minutes, far beyond Npgsql's 30 s default.
var bulkConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
await using var connection = new NpgsqlConnection(bulkConnectionString);
await connection.OpenAsync();
await BulkLoad.ConfigureSessionAsync(connection);

// One transaction from the reset to the rebuilt indexes: a failed or interrupted load leaves the database as it was
// (indexes and foreign keys included) instead of half-seeded and without its indexes.
await using var transaction = await connection.BeginTransactionAsync();
if (options.Reset)
{
    CopyWriter.Log("Emptying every table (--reset)...");
    await Sql.ExecuteAsync(connection, "TRUNCATE users CASCADE");
}
else if (await Sql.ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM users)"))
{
    Console.Error.WriteLine("error: the database already has users; pass --reset to empty it first.");
    return 1;
}

CopyWriter.Log($"Seeding (seed {options.Seed}): {options.Users:N0} users, {options.Videos:N0} videos, " +
               $"{options.Tweets:N0} tweets, {options.Comments:N0} comments, {options.Subscriptions:N0} subscriptions, " +
               $"{options.Likes:N0} likes, {options.History:N0} watch-history rows");
string[] seededTables = ["users", "videos", "tweets", "comments", "subscriptions", "likes", "watch_history"];
await BulkLoad.TruncateForFreezeAsync(connection, seededTables);
var deferred = await DeferredIndexes.DropAsync(connection, seededTables);
await StoredCounters.DisableTriggersAsync(connection);
var context = new SeedContext(options);
var entities = new EntitySeeder(connection, context);
entities.SeedUsers();
entities.SeedVideos();
entities.SeedTweets();
entities.SeedComments();
var relations = new RelationSeeder(connection, context);
relations.SeedSubscriptions();
relations.SeedLikes();
relations.SeedWatchHistory();
CopyWriter.Log($"  rows written after {clock.Elapsed.TotalSeconds:F1}s");
await StoredCounters.FillAsync(connection);
await deferred.RestoreAsync();
await StoredCounters.EnableTriggersAsync(connection);
await transaction.CommitAsync();

// VACUUM sets the visibility map (index-only scans for the count queries) as a long-lived database would have it;
// ANALYZE gives the planner real statistics instead of the empty-table guesses from the migration.
CopyWriter.Log("VACUUM (ANALYZE)...");
var vacuumClock = Stopwatch.StartNew();
await Sql.ExecuteAsync(connection,
    $"VACUUM (ANALYZE) {string.Join(", ", seededTables)}, catalogue_counters", timeoutSeconds: 0);
CopyWriter.Log($"  VACUUM (ANALYZE): {vacuumClock.Elapsed.TotalSeconds:F1}s");

CopyWriter.Log($"Done in {clock.Elapsed.TotalSeconds:F1}s. Every user's password is \"{options.Password}\".");
foreach (var table in seededTables)
    Console.WriteLine($"{table}\t{await Sql.ScalarAsync<long>(connection, $"SELECT count(*) FROM {table}")}");
return 0;
