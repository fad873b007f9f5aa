using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;
using VideoTube.Domain.Entities;

namespace VideoTube.Seeder;

/// <summary>Users, videos, tweets and comments: the rows other tables point at.</summary>
public sealed class EntitySeeder(NpgsqlConnection connection, SeedContext context)
{
    private const double ContentSkew = 0.8;
    private const string UserColumns = "id, user_name, normalized_user_name, email, normalized_email, email_confirmed, " +
        "password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, " +
        "access_failed_count, full_name, avatar_key, cover_image_key, created_at, updated_at";

    /// <summary>user000001, ...: zero-padded so names sort like their numbers, wider only past 999,999 users.</summary>
    public static string Username(int index, int userCount)
    {
        var digits = Math.Max(6, userCount.ToString(CultureInfo.InvariantCulture).Length);
        return "user" + (index + 1).ToString("D" + digits, CultureInfo.InvariantCulture);
    }

    public void SeedUsers()
    {
        var random = context.RandomFor(1);
        var count = context.Options.Users;
        // Hashing is deliberately slow (PBKDF2); one hash shared by every user keeps seeding fast yet lets anyone log in.
        var passwordHash = new PasswordHasher<User>().HashPassword(new User(), context.Options.Password);
        var created = new DateTime[count];
        for (var i = 0; i < count; i++)
            created[i] = SeedValues.Between(random, context.YearAgo, context.Now.AddDays(-7));
        // Sorted, so user000001 is the oldest account; it is also channel rank 1, the most subscribed.
        Array.Sort(created);
        var ids = created.Select(at => SeedValues.Uuid7(at, random)).ToArray();
        var text = new TextGenerator(random);

        CopyWriter.Copy(connection, "users", UserColumns, count, (row, i) =>
        {
            var username = Username(i, count);
            var email = $"{username}@example.com";
            row.Write(ids[i], NpgsqlDbType.Uuid);
            row.Write(username, NpgsqlDbType.Varchar);
            row.Write(username.ToUpperInvariant(), NpgsqlDbType.Varchar);
            row.Write(email, NpgsqlDbType.Varchar);
            row.Write(email.ToUpperInvariant(), NpgsqlDbType.Varchar);
            row.Write(true, NpgsqlDbType.Boolean);
            row.Write(passwordHash, NpgsqlDbType.Text);
            row.Write(RandomToken(random), NpgsqlDbType.Text);
            row.Write(RandomToken(random), NpgsqlDbType.Text);
            row.Write(false, NpgsqlDbType.Boolean);
            row.Write(false, NpgsqlDbType.Boolean);
            row.Write(true, NpgsqlDbType.Boolean);
            row.Write(0, NpgsqlDbType.Integer);
            row.Write(text.FullName(), NpgsqlDbType.Varchar);
            row.Write($"seed/avatars/{i % 64:D2}.png", NpgsqlDbType.Varchar);
            row.Write(random.Next(4) == 0 ? $"seed/covers/{i % 32:D2}.jpg" : string.Empty, NpgsqlDbType.Varchar);
            row.Write(created[i], NpgsqlDbType.TimestampTz);
            row.Write(created[i], NpgsqlDbType.TimestampTz);
        });
        context.UserIds = ids;
        context.UserCreated = created;
    }

    public void SeedVideos()
    {
        var random = context.RandomFor(2);
        var count = context.Options.Videos;
        // Owners follow channel rank too: big channels upload more, though less extremely than they are followed.
        var owners = new ZipfSampler(context.UserIds.Length, ContentSkew);
        var owner = new int[count];
        var created = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            owner[i] = owners.Sample(random);
            created[i] = SeedValues.Between(random, context.UserCreated[owner[i]].AddHours(1), context.Now);
        }
        Array.Sort(created, owner);
        var ids = created.Select(at => SeedValues.Uuid7(at, random)).ToArray();
        var byRank = SeedValues.Permutation(count, random);
        var views = new long[count];
        for (var rank = 0; rank < count; rank++)
            views[byRank[rank]] = (long)(2_000_000 / Math.Pow(rank + 1, 0.9) * (0.5 + random.NextDouble()));
        var text = new TextGenerator(random);

        CopyWriter.Copy(connection, "videos", "id, video_file_key, thumbnail_key, title, description, " +
            "duration, views, is_published, owner_id, status, progress, created_at, updated_at", count, (row, i) =>
        {
            row.Write(ids[i], NpgsqlDbType.Uuid);
            var videoKey = $"seed/videos/{ids[i]:N}.mp4";
            var thumbnailKey = $"seed/thumbnails/{ids[i]:N}.png";
            row.Write(videoKey, NpgsqlDbType.Varchar);
            row.Write(thumbnailKey, NpgsqlDbType.Varchar);
            row.Write(text.Title(), NpgsqlDbType.Varchar);
            row.Write(text.Sentences(12, 60), NpgsqlDbType.Varchar);
            row.Write(Math.Round(15 + 3600 * Math.Pow(random.NextDouble(), 3), 2), NpgsqlDbType.Double);
            row.Write(views[i], NpgsqlDbType.Bigint);
            row.Write(random.Next(100) >= 4, NpgsqlDbType.Boolean);
            row.Write(context.UserIds[owner[i]], NpgsqlDbType.Uuid);
            // Seeded videos play their original file only, like videos uploaded before processing existed.
            row.Write("ready", NpgsqlDbType.Varchar);
            row.Write(100, NpgsqlDbType.Integer);
            row.Write(created[i], NpgsqlDbType.TimestampTz);
            row.Write(created[i], NpgsqlDbType.TimestampTz);
        });
        context.VideoIds = ids;
        context.VideoCreated = created;
        context.VideoByRank = byRank;
    }

    public void SeedTweets()
    {
        var random = context.RandomFor(3);
        var count = context.Options.Tweets;
        var owners = new ZipfSampler(context.UserIds.Length, ContentSkew);
        var owner = new int[count];
        var created = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            owner[i] = owners.Sample(random);
            created[i] = SeedValues.Between(random, context.UserCreated[owner[i]], context.Now);
        }
        Array.Sort(created, owner);
        var ids = created.Select(at => SeedValues.Uuid7(at, random)).ToArray();
        var text = new TextGenerator(random);

        CopyWriter.Copy(connection, "tweets", "id, content, owner_id, created_at, updated_at", count, (row, i) =>
        {
            row.Write(ids[i], NpgsqlDbType.Uuid);
            var content = text.Sentences(5, 35);
            row.Write(content.Length > Tweet.MaxContentLength ? content[..Tweet.MaxContentLength] : content, NpgsqlDbType.Varchar);
            row.Write(context.UserIds[owner[i]], NpgsqlDbType.Uuid);
            row.Write(created[i], NpgsqlDbType.TimestampTz);
            row.Write(created[i], NpgsqlDbType.TimestampTz);
        });
        context.TweetIds = ids;
        context.TweetCreated = created;
    }

    public void SeedComments()
    {
        var random = context.RandomFor(4);
        var count = context.Options.Comments;
        var videos = new ZipfSampler(context.VideoIds.Length, ContentSkew);
        var video = new int[count];
        var owner = new int[count];
        var created = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            video[i] = context.VideoByRank[videos.Sample(random)];
            owner[i] = random.Next(context.UserIds.Length);
            var earliest = SeedContext.Latest(context.VideoCreated[video[i]], context.UserCreated[owner[i]]);
            created[i] = SeedValues.Between(random, earliest, context.Now);
        }
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(created, order);
        var ids = created.Select(at => SeedValues.Uuid7(at, random)).ToArray();
        var text = new TextGenerator(random);

        CopyWriter.Copy(connection, "comments", "id, content, video_id, owner_id, created_at, updated_at", count, (row, i) =>
        {
            row.Write(ids[i], NpgsqlDbType.Uuid);
            row.Write(text.Sentences(3, 30), NpgsqlDbType.Varchar);
            row.Write(context.VideoIds[video[order[i]]], NpgsqlDbType.Uuid);
            row.Write(context.UserIds[owner[order[i]]], NpgsqlDbType.Uuid);
            row.Write(created[i], NpgsqlDbType.TimestampTz);
            row.Write(created[i], NpgsqlDbType.TimestampTz);
        });
        context.CommentIds = ids;
        context.CommentCreated = created;
    }

    private static string RandomToken(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
