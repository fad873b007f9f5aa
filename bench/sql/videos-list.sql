-- GET /api/v1/videos?page=page&limit=10 (reconstruction; replace with the captured SQL, see bench/README.md).
-- LINQ: Videos.Where(IsPublished).OrderByDescending(CreatedAt).Select(VideoDto with Owner summary), paged by
-- ToPaginatedListAsync: the total is an uncorrelated scalar sub-query in the select list, so one statement.
-- Variables: page from bench/run.sh (-D page=N).
\set limit 10
\set offset (:page - 1) * :limit
SELECT v.id, v.video_file, v.thumbnail, v.title, v.description, v.duration, v.views, v.is_published, u.id AS id0,
    u.user_name, u.full_name, u.avatar, v.created_at, v.updated_at, (
    SELECT count(*)
    FROM videos AS v0
    WHERE v0.is_published) AS "Total"
FROM videos AS v
INNER JOIN users AS u ON v.owner_id = u.id
WHERE v.is_published
ORDER BY v.created_at DESC
LIMIT :limit OFFSET :offset;
