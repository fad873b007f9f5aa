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

await using var connection = new NpgsqlConnection(options.ConnectionString);
await connection.OpenAsync();
// A bulk load is restartable with --reset, so it need not wait for each commit to reach the disk.
await Sql.ExecuteAsync(connection, "SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");

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

// VACUUM sets the visibility map (index-only scans for the count queries) as a long-lived database would have it;
// ANALYZE gives the planner real statistics instead of the empty-table guesses from the migration.
CopyWriter.Log("VACUUM (ANALYZE)...");
await Sql.ExecuteAsync(connection,
    "VACUUM (ANALYZE) users, videos, tweets, comments, subscriptions, likes, watch_history", timeoutSeconds: 0);

CopyWriter.Log($"Done in {clock.Elapsed.TotalSeconds:F1}s. Every user's password is \"{options.Password}\".");
foreach (var table in new[] { "users", "videos", "tweets", "comments", "subscriptions", "likes", "watch_history" })
    Console.WriteLine($"{table}\t{await Sql.ScalarAsync<long>(connection, $"SELECT count(*) FROM {table}")}");
return 0;
