-- GET /api/v1/feed/subscriptions?limit=10 (as the seeded user who follows exactly 1,000 channels), best hand-written
-- SQL: the newest published videos walked through ix_videos_published_created_at_id, each kept when the user follows
-- its owner (one probe of the subscriptions key), cut at 11 rows (the page and one more for nextCursor), then joined
-- to the owners. It is the API's own shape, and the best found:
-- - a per-channel LATERAL top-10, merged and cut (the earlier version of this file), reads 1,000 index ranges;
-- - `owner_id = ANY(ARRAY(...))` reads every followed channel's videos (11 tx/s);
-- - joining the owners before the cut lets a generic plan (pgbench -M prepared after five runs) read all 22k videos of
--   the followed channels and sort them (36 tx/s against 2,781 for this shape, same load).
-- Under plan_cache_mode=force_generic_plan even this shape falls to 33 tx/s: the generic plan is costed for a user
-- following ~10 channels. Database:PlanCacheMode therefore stays `auto` (README).
-- Variables from bench/run.sh: me (the feed user). No total: the route is keyset-paged.
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at
FROM (
    SELECT * FROM videos x
    WHERE x.is_published
      AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.subscriber_id = :me AND s.channel_id = x.owner_id)
    ORDER BY x.created_at DESC, x.id DESC
    LIMIT 11
) v
JOIN users u ON u.id = v.owner_id
ORDER BY v.created_at DESC, v.id DESC;
