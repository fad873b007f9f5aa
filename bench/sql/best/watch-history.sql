-- GET /api/v1/users/history, best hand-written SQL: the caller's history by (user_id, watched_at DESC), each video
-- by primary key with its owner; unpaged, as in chai. It needs no counter, so it is EF's statement in essence.
-- Variables from bench/run.sh: me.
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at
FROM watch_history w
JOIN videos v ON v.id = w.video_id
JOIN users u ON u.id = v.owner_id
WHERE w.user_id = :me AND (v.is_published OR v.owner_id = :me)
ORDER BY w.watched_at DESC;
