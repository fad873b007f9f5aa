using Npgsql;
using NpgsqlTypes;

namespace VideoTube.Seeder;

/// <summary>Subscriptions, likes and watch history: pairs that must be unique, drawn with skewed popularity.</summary>
public sealed class RelationSeeder(NpgsqlConnection connection, SeedContext context)
{
    private const double ContentSkew = 0.8;

    private enum LikeTarget : byte { Video, Comment, Tweet }

    private readonly record struct Pair(int Left, int Right, DateTime At, LikeTarget Target = LikeTarget.Video);

    public void SeedSubscriptions()
    {
        var random = context.RandomFor(5);
        var users = context.UserIds.Length;
        // Channel rank r is user r, so user000001 is the most followed channel: the benchmark's "popular" profile.
        var channels = new ZipfSampler(users, context.Options.ChannelSkew);
        var follower = FeedFollower(context.Options);
        var followed = FeedFollowerPairs(random, follower, channels);
        var others = UniquePairs(random, "subscriptions", context.Options.Subscriptions - followed.Length, users, users,
            r => NextUserExcept(r, users, follower), channels.Sample, forbidSameIndex: true,
            (subscriber, channel) => SeedContext.Latest(context.UserCreated[subscriber], context.UserCreated[channel]));
        var pairs = followed.Length == 0 ? others : [.. others, .. followed];
        if (followed.Length > 0)
            Array.Sort(pairs, (a, b) => a.At.CompareTo(b.At));

        CopyWriter.Copy(connection, "subscriptions", "id, subscriber_id, channel_id, created_at, updated_at", pairs.Length,
            (row, i) =>
            {
                var pair = pairs[i];
                row.Write(SeedValues.Uuid7(pair.At, random), NpgsqlDbType.Uuid);
                row.Write(context.UserIds[pair.Left], NpgsqlDbType.Uuid);
                row.Write(context.UserIds[pair.Right], NpgsqlDbType.Uuid);
                row.Write(pair.At, NpgsqlDbType.TimestampTz);
                row.Write(pair.At, NpgsqlDbType.TimestampTz);
            });
    }

    /// <summary>
    /// The subscription feed's benchmark user (bench/README.md): user000002 follows exactly
    /// <see cref="FeedFollowerChannels"/> channels, drawn with the same channel popularity as everyone else's, once
    /// there are users enough (scale 0.1 and up); -1 below that.
    /// </summary>
    public const int FeedFollowerChannels = 1_000;
    public const int FeedFollowerMinUsers = 10_000;

    public static int FeedFollower(SeedOptions options) =>
        options.Users >= FeedFollowerMinUsers && options.Subscriptions >= 2 * FeedFollowerChannels ? 1 : -1;

    private Pair[] FeedFollowerPairs(Random random, int follower, ZipfSampler channels)
    {
        if (follower < 0)
            return [];
        var chosen = new HashSet<int>(FeedFollowerChannels);
        var pairs = new Pair[FeedFollowerChannels];
        while (chosen.Count < FeedFollowerChannels)
        {
            var channel = channels.Sample(random);
            if (channel == follower || !chosen.Add(channel))
                continue;
            var earliest = SeedContext.Latest(context.UserCreated[follower], context.UserCreated[channel]);
            pairs[chosen.Count - 1] = new Pair(follower, channel, SeedValues.Between(random, earliest, context.Now));
        }
        CopyWriter.Log($"  subscriptions: {EntitySeeder.Username(follower, context.Options.Users)} " +
                       $"follows exactly {FeedFollowerChannels:N0} channels (subscription-feed benchmark)");
        return pairs;
    }

    /// <summary>A uniform user other than <paramref name="except"/> (-1: any), so the feed user keeps its exact count.</summary>
    private static int NextUserExcept(Random random, int users, int except)
    {
        int user;
        do user = random.Next(users);
        while (user == except);
        return user;
    }

    public void SeedLikes()
    {
        var random = context.RandomFor(6);
        var total = context.Options.Likes;
        var comments = context.CommentIds.Length;
        var tweets = context.TweetIds.Length;
        var commentLikes = comments > 0 ? total / 5 : 0;
        var tweetLikes = tweets > 0 ? total / 10 : 0;
        var videoLikes = context.VideoIds.Length > 0 ? total - commentLikes - tweetLikes : 0;

        var all = new List<Pair>(total);
        all.AddRange(TargetLikes(random, "likes/videos", videoLikes, context.VideoIds.Length, context.VideoCreated,
            context.VideoByRank, LikeTarget.Video));
        all.AddRange(TargetLikes(random, "likes/comments", commentLikes, comments, context.CommentCreated,
            SeedValues.Permutation(comments, random), LikeTarget.Comment));
        all.AddRange(TargetLikes(random, "likes/tweets", tweetLikes, tweets, context.TweetCreated,
            SeedValues.Permutation(tweets, random), LikeTarget.Tweet));
        var pairs = all.ToArray();
        Array.Sort(pairs, (a, b) => a.At.CompareTo(b.At));

        CopyWriter.Copy(connection, "likes", "id, liked_by_id, video_id, comment_id, tweet_id, created_at, updated_at",
            pairs.Length, (row, i) =>
            {
                var pair = pairs[i];
                row.Write(SeedValues.Uuid7(pair.At, random), NpgsqlDbType.Uuid);
                row.Write(context.UserIds[pair.Left], NpgsqlDbType.Uuid);
                WriteTarget(row, pair.Target == LikeTarget.Video ? context.VideoIds[pair.Right] : null);
                WriteTarget(row, pair.Target == LikeTarget.Comment ? context.CommentIds[pair.Right] : null);
                WriteTarget(row, pair.Target == LikeTarget.Tweet ? context.TweetIds[pair.Right] : null);
                row.Write(pair.At, NpgsqlDbType.TimestampTz);
                row.Write(pair.At, NpgsqlDbType.TimestampTz);
            });
    }

    public void SeedWatchHistory()
    {
        var random = context.RandomFor(7);
        var users = context.UserIds.Length;
        var videos = context.VideoIds.Length;
        if (videos == 0)
            return;
        var popularity = new ZipfSampler(videos, ContentSkew);
        var pairs = UniquePairs(random, "watch_history", context.Options.History, users, videos,
            r => r.Next(users), r => context.VideoByRank[popularity.Sample(r)], forbidSameIndex: false,
            (user, video) => SeedContext.Latest(context.UserCreated[user], context.VideoCreated[video]));

        CopyWriter.Copy(connection, "watch_history", "user_id, video_id, watched_at", pairs.Length, (row, i) =>
        {
            var pair = pairs[i];
            row.Write(context.UserIds[pair.Left], NpgsqlDbType.Uuid);
            row.Write(context.VideoIds[pair.Right], NpgsqlDbType.Uuid);
            row.Write(pair.At, NpgsqlDbType.TimestampTz);
        });
    }

    private Pair[] TargetLikes(Random random, string label, int count, int targets, DateTime[] targetCreated,
        int[] byRank, LikeTarget target)
    {
        if (count == 0 || targets == 0)
            return [];
        var users = context.UserIds.Length;
        var popularity = new ZipfSampler(targets, ContentSkew);
        var pairs = UniquePairs(random, label, count, users, targets,
            r => r.Next(users), r => byRank[popularity.Sample(r)], forbidSameIndex: false,
            (user, item) => SeedContext.Latest(context.UserCreated[user], targetCreated[item]));
        return Array.ConvertAll(pairs, p => p with { Target = target });
    }

    /// <summary>
    /// Draws distinct (left, right) pairs, redrawing duplicates. The count is capped at half of all possible pairs so
    /// redraws stay rare even when the skew piles onto a few popular items. Rows come back in time order.
    /// </summary>
    private Pair[] UniquePairs(Random random, string label, int count, int leftCount, int rightCount,
        Func<Random, int> left, Func<Random, int> right, bool forbidSameIndex,
        Func<int, int, DateTime> earliest)
    {
        var possible = (long)leftCount * rightCount - (forbidSameIndex ? Math.Min(leftCount, rightCount) : 0);
        if (count > possible / 2)
        {
            CopyWriter.Log($"  {label}: {count:N0} requested but only {possible:N0} distinct pairs exist; seeding {possible / 2:N0}");
            count = (int)(possible / 2);
        }
        var seen = new HashSet<long>(count);
        var pairs = new Pair[count];
        var filled = 0;
        var attempts = 0L;
        var maxAttempts = 50L * count + 1_000;
        while (filled < count && attempts++ < maxAttempts)
        {
            var l = left(random);
            var r = right(random);
            if ((forbidSameIndex && l == r) || !seen.Add((long)l * rightCount + r))
                continue;
            pairs[filled++] = new Pair(l, r, SeedValues.Between(random, earliest(l, r), context.Now));
        }
        if (filled < count)
        {
            CopyWriter.Log($"  {label}: stopped at {filled:N0} distinct pairs after {attempts:N0} draws (lower --skew)");
            Array.Resize(ref pairs, filled);
        }
        Array.Sort(pairs, (a, b) => a.At.CompareTo(b.At));
        return pairs;
    }

    private static void WriteTarget(NpgsqlBinaryImporter row, Guid? id)
    {
        if (id is { } value)
            row.Write(value, NpgsqlDbType.Uuid);
        else
            row.WriteNull();
    }
}
