-- GET /api/v1/users/history (reconstruction; replace with the captured SQL).
-- LINQ: WatchHistory.Where(UserId == me).OrderByDescending(WatchedAt).Select(VideoDto from w.Video with Owner).
-- Variables: me (the logged-in user's id).
SELECT v.id, v.video_file, v.thumbnail, v.title, v.description, v.duration, v.views, v.is_published, u.id AS id0,
    u.user_name, u.full_name, u.avatar, v.created_at, v.updated_at
FROM watch_history AS w
INNER JOIN videos AS v ON w.video_id = v.id
INNER JOIN users AS u ON v.owner_id = u.id
WHERE w.user_id = :me
ORDER BY w.watched_at DESC;
