-- GET /api/v1/feed/subscriptions?limit=10 (as the seeded user who follows exactly 1,000 channels), best hand-written
-- SQL, which is the API's own shape: one statement holding two ways to read the feed, each behind a one-time filter on
-- the subscriber's stored follow count, so a prepared statement keeps one generic plan (no planning per run):
-- - following 30 channels or more, walk ix_videos_published_created_at_id newest first and probe the subscription key
--   per row (a counted sub-query: an EXISTS would become a join that the generic plan orders for an average user);
-- - following fewer, read at most a page of each followed channel through ix_videos_owner_id_created_at_id and merge.
-- Cut at 11 rows (the page and one more for nextCursor), then joined to the owners. Measured against the earlier
-- shapes (pgbench -M prepared, 32 clients, scale 1): the plain semi-join was re-planned on every run (2,786 tx/s for
-- this user) and walked the index even for a user following eight channels (159 tx/s; 6,063 with this shape); a
-- LATERAL merge for everyone reads 1,000 index ranges (33 tx/s); `owner_id = ANY(ARRAY(...))` reads every followed
-- channel's videos (11 tx/s).
-- Variables from bench/run.sh: me (the feed user). No total: the route is keyset-paged.
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at
FROM (
  SELECT * FROM (
    SELECT x.* FROM videos x
    WHERE x.is_published
      AND (SELECT count(*) FROM subscriptions s WHERE s.subscriber_id = :me AND s.channel_id = x.owner_id) > 0
    ORDER BY x.created_at DESC, x.id DESC
    LIMIT 11) walked
  WHERE (SELECT subscriptions_count FROM users WHERE id = :me) >= 30
  UNION ALL
  SELECT * FROM (
    SELECT y.* FROM subscriptions s
    CROSS JOIN LATERAL (
      SELECT z.* FROM videos z
      WHERE z.owner_id = s.channel_id AND z.is_published
      ORDER BY z.owner_id DESC, z.created_at DESC, z.id DESC
      LIMIT 11) y
    WHERE s.subscriber_id = :me
    ORDER BY y.created_at DESC, y.id DESC
    LIMIT 11) merged
  WHERE (SELECT subscriptions_count FROM users WHERE id = :me) < 30
) v
JOIN users u ON u.id = v.owner_id
ORDER BY v.created_at DESC, v.id DESC;
