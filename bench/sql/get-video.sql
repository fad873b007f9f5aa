-- GET /api/v1/videos/<videoId>: captured from EF Core with bench/capture-sql.sh (Serilog override
-- Microsoft.EntityFrameworkCore.Database.Command=Information) against a scale-1 seeded database, 2026-11-25;
-- EF's parameters renamed to pgbench variables, nothing else changed. Not a pure read: three statements, each in its
-- own transaction as the API sends them (count the view, upsert the watch, then read the video with its counts).
-- The INSERT's watched_at is the API's clock; now() stands in for it.
-- Variables from bench/run.sh: video_id (the most viewed published video), me (the logged-in user's id).
UPDATE videos AS v
SET views = v.views + 1
WHERE v.id = :video_id AND (v.is_published OR v.owner_id = :me);
INSERT INTO watch_history (user_id, video_id, watched_at)
SELECT :me, :video_id, now()
WHERE EXISTS (SELECT 1 FROM videos WHERE id = :video_id)
ON CONFLICT (user_id, video_id) DO UPDATE SET watched_at = EXCLUDED.watched_at;
SELECT v.id AS "Id", v.video_file_key AS "VideoFile", v.thumbnail_key AS "Thumbnail", v.title AS "Title", v.description AS "Description", v.duration AS "Duration", v.views AS "Views", v.is_published AS "IsPublished", v.created_at AS "CreatedAt", v.updated_at AS "UpdatedAt", (
    SELECT count(*)::int
    FROM likes AS l
    WHERE l.video_id = v.id) AS "LikesCount", EXISTS (
    SELECT 1
    FROM likes AS l0
    WHERE l0.video_id = v.id AND l0.liked_by_id = :me) AS "IsLiked", u.id AS "Id", u.user_name AS "Username", u.full_name AS "FullName", u.avatar_key AS "Avatar", (
    SELECT count(*)::int
    FROM subscriptions AS s
    WHERE s.channel_id = v.owner_id) AS "SubscribersCount", EXISTS (
    SELECT 1
    FROM subscriptions AS s0
    WHERE s0.channel_id = v.owner_id AND s0.subscriber_id = :me) AS "IsSubscribed"
FROM videos AS v
INNER JOIN users AS u ON v.owner_id = u.id
WHERE v.id = :video_id AND (v.is_published OR v.owner_id = :me)
LIMIT 2;
