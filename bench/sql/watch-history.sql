-- GET /api/v1/users/history: captured from EF Core with bench/capture-sql.sh (Serilog override
-- Microsoft.EntityFrameworkCore.Database.Command=Information) against a scale-1 seeded database, 2026-11-25;
-- EF's parameters renamed to pgbench variables, nothing else changed. One statement, unpaged (as in chai).
-- Variables from bench/run.sh: me (the logged-in user's id).
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published, FALSE, u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at
FROM watch_history AS w
INNER JOIN videos AS v ON w.video_id = v.id
INNER JOIN users AS u ON v.owner_id = u.id
WHERE w.user_id = :me AND (v.is_published OR v.owner_id = :me)
ORDER BY w.watched_at DESC;
