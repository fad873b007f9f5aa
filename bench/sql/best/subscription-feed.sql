-- GET /api/v1/feed/subscriptions?limit=10 (as the seeded user who follows exactly 1,000 channels), best hand-written
-- SQL: per followed channel its newest published videos from (owner_id, created_at), at most 10 each, merged and cut
-- at 10, with the owner. No total: the route is keyset-paged (nextCursor comes from the last row).
-- Variables from bench/run.sh: me (the feed user).
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at
FROM subscriptions s
CROSS JOIN LATERAL (
    SELECT * FROM videos x
    WHERE x.owner_id = s.channel_id AND x.is_published
    ORDER BY x.created_at DESC, x.id DESC
    LIMIT 10
) v
JOIN users u ON u.id = v.owner_id
WHERE s.subscriber_id = :me
ORDER BY v.created_at DESC, v.id DESC
LIMIT 10;
