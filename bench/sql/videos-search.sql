-- GET /api/v1/videos?page=N&limit=10&query=Q: captured from EF Core with bench/capture-sql.sh (Serilog override
-- Microsoft.EntityFrameworkCore.Database.Command=Information) against a scale-1 seeded database, 2026-11-25;
-- EF's parameters renamed to pgbench variables, nothing else changed. One statement (page and total).
-- Variables from bench/run.sh: me (the logged-in user's id), page, query.
\set limit 10
\set offset (:page - 1) * :limit
SELECT v0.id, v0.video_file_key, v0.thumbnail_key, v0.title, v0.description, v0.duration, v0.views, v0.is_published, FALSE, u.id, u.user_name, u.full_name, u.avatar_key, v0.created_at, v0.updated_at, (
    SELECT count(*)
    FROM videos AS v1
    WHERE (v1.is_published OR v1.owner_id = :me) AND to_tsvector('english', v1.title || ' ' || v1.description) @@ websearch_to_tsquery('english', :query))
FROM (
    SELECT v.id, v.created_at, v.description, v.duration, v.is_published, v.owner_id, v.thumbnail_key, v.title, v.updated_at, v.video_file_key, v.views
    FROM videos AS v
    WHERE (v.is_published OR v.owner_id = :me) AND to_tsvector('english', v.title || ' ' || v.description) @@ websearch_to_tsquery('english', :query)
    ORDER BY v.created_at DESC, v.id DESC
    LIMIT :limit OFFSET :offset
) AS v0
INNER JOIN users AS u ON v0.owner_id = u.id
ORDER BY v0.created_at DESC, v0.id DESC;
