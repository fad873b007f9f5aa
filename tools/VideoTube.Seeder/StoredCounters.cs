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

    public static async Task EnableTriggersAsync(NpgsqlConnection connection)
    {
        foreach (var table in TriggeredTables)
            await Sql.ExecuteAsync(connection, $"ALTER TABLE {table} ENABLE TRIGGER USER");
    }

    /// <summary>
    /// Runs before the deferred keys and indexes are built: each table is rewritten once (users, videos, comments,
    /// tweets), with no index entries to write for the old or the new row versions. Every seeded row starts at the
    /// column default 0, so only rows with something to count are written. The StoredCounters migration's backfill is
    /// the same arithmetic, but a migration is frozen history while this follows the current schema, so they are not
    /// shared.
    /// </summary>
    public static async Task FillAsync(NpgsqlConnection connection)
    {
        CopyWriter.Log("Filling the stored counters...");
        await Sql.ExecuteAsync(connection, """
            UPDATE videos AS v SET likes_count = coalesce(l.n, 0), comments_count = coalesce(c.n, 0)
            FROM videos AS x
            LEFT JOIN (SELECT video_id, count(*) AS n FROM likes WHERE video_id IS NOT NULL GROUP BY video_id) AS l ON l.video_id = x.id
            LEFT JOIN (SELECT video_id, count(*) AS n FROM comments GROUP BY video_id) AS c ON c.video_id = x.id
            WHERE v.id = x.id AND (l.n IS NOT NULL OR c.n IS NOT NULL);
            UPDATE comments AS c SET likes_count = l.n
            FROM (SELECT comment_id, count(*) AS n FROM likes WHERE comment_id IS NOT NULL GROUP BY comment_id) AS l WHERE l.comment_id = c.id;
            UPDATE tweets AS t SET likes_count = l.n
            FROM (SELECT tweet_id, count(*) AS n FROM likes WHERE tweet_id IS NOT NULL GROUP BY tweet_id) AS l WHERE l.tweet_id = t.id;
            UPDATE users AS u SET subscribers_count = coalesce(sr.n, 0), subscriptions_count = coalesce(sd.n, 0),
                videos_count = coalesce(v.n, 0), published_videos_count = coalesce(v.published, 0),
                total_views = coalesce(v.views, 0), total_likes = coalesce(v.likes, 0)
            FROM users AS x
            LEFT JOIN (SELECT channel_id, count(*) AS n FROM subscriptions GROUP BY channel_id) AS sr ON sr.channel_id = x.id
            LEFT JOIN (SELECT subscriber_id, count(*) AS n FROM subscriptions GROUP BY subscriber_id) AS sd ON sd.subscriber_id = x.id
            LEFT JOIN (SELECT owner_id, count(*) AS n, count(*) FILTER (WHERE is_published) AS published,
                              sum(views) AS views, sum(likes_count) AS likes
                       FROM videos GROUP BY owner_id) AS v ON v.owner_id = x.id
            WHERE u.id = x.id AND (sr.n IS NOT NULL OR sd.n IS NOT NULL OR v.n IS NOT NULL);
            -- The load ran without triggers, so totals a running API remembers for searches are stale too.
            UPDATE catalogue_counters SET published_videos = (SELECT count(*) FROM videos WHERE is_published),
                                          search_version = search_version + 1 WHERE id = 1;
            """, timeoutSeconds: 0);
    }
}
