-- GET /api/v1/videos/<id> (the most viewed published video), best hand-written SQL for the final schema: the watch-
-- history upsert and the read in ONE statement (a data-modifying CTE), likes and subscribers from the stored counters.
-- The view itself is not a statement here: the final API buffers views in memory and adds them to `views` in one
-- UPDATE per flush interval (Views:FlushInterval), whose cost per request is negligible.
-- Variables from bench/run.sh: video_id, me.
WITH watched AS (
    INSERT INTO watch_history (user_id, video_id, watched_at)
    SELECT :me, v.id, now() FROM videos v WHERE v.id = :video_id AND (v.is_published OR v.owner_id = :me)
    ON CONFLICT (user_id, video_id) DO UPDATE SET watched_at = EXCLUDED.watched_at
)
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    v.created_at, v.updated_at, v.likes_count,
    EXISTS (SELECT 1 FROM likes l WHERE l.liked_by_id = :me AND l.video_id = v.id) AS is_liked,
    u.id, u.user_name, u.full_name, u.avatar_key, u.subscribers_count,
    EXISTS (SELECT 1 FROM subscriptions s WHERE s.subscriber_id = :me AND s.channel_id = v.owner_id) AS is_subscribed
FROM videos v
JOIN users u ON u.id = v.owner_id
WHERE v.id = :video_id AND (v.is_published OR v.owner_id = :me);
