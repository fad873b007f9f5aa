-- GET /api/v1/videos/<videoId> (reconstruction; replace with the captured SQL). Not a pure read: the route counts a
-- view and records the watch, so this script holds the three statements EF sends, each in its own transaction.
-- Variables: video_id (a popular published video), me (the logged-in user's id).
SELECT v.id, v.video_file, v.thumbnail, v.title, v.description, v.duration, v.views, v.is_published, u.id AS id0,
    u.user_name, u.full_name, u.avatar, v.created_at, v.updated_at
FROM videos AS v
INNER JOIN users AS u ON v.owner_id = u.id
WHERE v.id = :video_id AND (v.is_published OR v.owner_id = :me)
LIMIT 1;
UPDATE videos AS v
SET views = v.views + 1
WHERE v.id = :video_id;
INSERT INTO watch_history (user_id, video_id, watched_at)
VALUES (:me, :video_id, now())
ON CONFLICT (user_id, video_id) DO UPDATE SET watched_at = excluded.watched_at;
