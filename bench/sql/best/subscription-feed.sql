-- GET /api/v1/feed/subscriptions?limit=10 (as the seeded user who follows exactly 1,000 channels), best hand-written
-- SQL: the newest published videos walked through ix_videos_published_created_at_id, each kept when the user follows
-- its owner (one probe of the subscriptions key), stopped at 11 rows (the page and one more for nextCursor), with the
-- owner. A per-channel LATERAL top-10 merged and cut (the earlier version of this file) reads 1,000 index ranges and
-- ran slower than the API's own statement; an `owner_id = ANY(ARRAY(...))` filter reads every followed channel's
-- videos (11 tx/s). No total: the route is keyset-paged.
-- Variables from bench/run.sh: me (the feed user).
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at
FROM videos v
JOIN users u ON u.id = v.owner_id
WHERE v.is_published
  AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.subscriber_id = :me AND s.channel_id = v.owner_id)
ORDER BY v.created_at DESC, v.id DESC
LIMIT 11;
