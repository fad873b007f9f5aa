-- GET /api/v1/videos?page=N&limit=10:
-- captured from EF Core with bench/capture-sql.sh (Serilog override
-- Microsoft.EntityFrameworkCore.Database.Command=Information) against a scale-1 seeded database, 2026-11-25, after
-- the ListVideos fix (published videos and the caller's drafts as two branches, each cut at the page's end);
-- EF's parameters renamed to pgbench variables, nothing else changed. One statement: the page and the total.
-- Variables from bench/run.sh: me (the logged-in user's id), page.
\set limit 10
\set offset (:page - 1) * :limit
\set window :offset + :limit
SELECT u1.id, u1.video_file_key, u1.thumbnail_key, u1.title, u1.description, u1.duration, u1.views, u1.is_published, FALSE, u0.id, u0.user_name, u0.full_name, u0.avatar_key, u1.created_at, u1.updated_at, (
    SELECT count(*)
    FROM (
        SELECT 1
        FROM videos AS v3
        WHERE v3.is_published
        UNION ALL
        SELECT 1
        FROM videos AS v4
        WHERE NOT (v4.is_published) AND v4.owner_id = :me
    ) AS u2)
FROM (
    SELECT u.id, u.created_at, u.description, u.duration, u.is_published, u.owner_id, u.thumbnail_key, u.title, u.updated_at, u.video_file_key, u.views
    FROM (
        SELECT v1.id, v1.created_at, v1.description, v1.duration, v1.is_published, v1.owner_id, v1.thumbnail_key, v1.title, v1.updated_at, v1.video_file_key, v1.views
        FROM (
            SELECT v.id, v.created_at, v.description, v.duration, v.is_published, v.owner_id, v.thumbnail_key, v.title, v.updated_at, v.video_file_key, v.views
            FROM videos AS v
            WHERE v.is_published
            ORDER BY v.created_at DESC, v.id DESC
            LIMIT :window
        ) AS v1
        UNION ALL
        SELECT v2.id, v2.created_at, v2.description, v2.duration, v2.is_published, v2.owner_id, v2.thumbnail_key, v2.title, v2.updated_at, v2.video_file_key, v2.views
        FROM (
            SELECT v0.id, v0.created_at, v0.description, v0.duration, v0.is_published, v0.owner_id, v0.thumbnail_key, v0.title, v0.updated_at, v0.video_file_key, v0.views
            FROM videos AS v0
            WHERE NOT (v0.is_published) AND v0.owner_id = :me
            ORDER BY v0.created_at DESC, v0.id DESC
            LIMIT :window
        ) AS v2
    ) AS u
    ORDER BY u.created_at DESC, u.id DESC
    LIMIT :limit OFFSET :offset
) AS u1
INNER JOIN users AS u0 ON u1.owner_id = u0.id
ORDER BY u1.created_at DESC, u1.id DESC;
