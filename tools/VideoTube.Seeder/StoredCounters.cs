using Npgsql;

namespace VideoTube.Seeder;

/// <summary>
/// The stored counters (migration StoredCounters) are kept by row triggers. Firing them once per copied row would
/// turn each COPY into millions of single-row UPDATEs, so the load runs with the tables' user triggers off and the
/// counters are then filled in one grouped pass per family: the same result as the triggers, at the cost of a few
/// hash aggregates.
/// </summary>
public static class StoredCounters
{
    private static readonly string[] TriggeredTables = ["videos", "comments", "subscriptions", "likes"];

    /// <summary>Transactional like the rest of the load: a failed load leaves the triggers on.</summary>
    public static async Task DisableTriggersAsync(NpgsqlConnection connection)
    {
        foreach (var table in TriggeredTables)
            await Sql.ExecuteAsync(connection, $"ALTER TABLE {table} DISABLE TRIGGER USER");
    }

    public static async Task EnableTriggersAndFillAsync(NpgsqlConnection connection)
    {
        foreach (var table in TriggeredTables)
            await Sql.ExecuteAsync(connection, $"ALTER TABLE {table} ENABLE TRIGGER USER");
        CopyWriter.Log("Filling the stored counters...");
        // Every seeded row starts at the column default 0, so only rows with something to count are written. The
        // StoredCounters migration's backfill is the same SQL, but a migration is frozen history while this follows the
        // current schema, so they are not shared.
        await Sql.ExecuteAsync(connection, """
            UPDATE users AS u SET subscribers_count = s.n
            FROM (SELECT channel_id, count(*) AS n FROM subscriptions GROUP BY channel_id) AS s WHERE s.channel_id = u.id;
            UPDATE users AS u SET subscriptions_count = s.n
            FROM (SELECT subscriber_id, count(*) AS n FROM subscriptions GROUP BY subscriber_id) AS s WHERE s.subscriber_id = u.id;
            UPDATE videos AS v SET likes_count = l.n
            FROM (SELECT video_id, count(*) AS n FROM likes WHERE video_id IS NOT NULL GROUP BY video_id) AS l WHERE l.video_id = v.id;
            UPDATE videos AS v SET comments_count = c.n
            FROM (SELECT video_id, count(*) AS n FROM comments GROUP BY video_id) AS c WHERE c.video_id = v.id;
            UPDATE comments AS c SET likes_count = l.n
            FROM (SELECT comment_id, count(*) AS n FROM likes WHERE comment_id IS NOT NULL GROUP BY comment_id) AS l WHERE l.comment_id = c.id;
            UPDATE tweets AS t SET likes_count = l.n
            FROM (SELECT tweet_id, count(*) AS n FROM likes WHERE tweet_id IS NOT NULL GROUP BY tweet_id) AS l WHERE l.tweet_id = t.id;
            UPDATE users AS u SET videos_count = v.n, published_videos_count = v.published, total_views = v.views, total_likes = v.likes
            FROM (SELECT owner_id, count(*) AS n, count(*) FILTER (WHERE is_published) AS published,
                         sum(views) AS views, sum(likes_count) AS likes
                  FROM videos GROUP BY owner_id) AS v
            WHERE v.owner_id = u.id;
            UPDATE catalogue_counters SET published_videos = (SELECT count(*) FROM videos WHERE is_published) WHERE id = 1;
            """, timeoutSeconds: 0);
    }
}
