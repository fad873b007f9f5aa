-- GET /api/v1/videos?page=page&limit=10&query=query (reconstruction; replace with the captured SQL).
-- LINQ: as videos-list.sql plus EF.Functions.ToTsVector("english", Title + " " + Description)
--       .Matches(EF.Functions.PlainToTsQuery("english", query)), which the GIN index ix_videos_search serves.
-- Variables: page and query from bench/run.sh.
\set limit 10
\set offset (:page - 1) * :limit
SELECT v.id, v.video_file, v.thumbnail, v.title, v.description, v.duration, v.views, v.is_published, u.id AS id0,
    u.user_name, u.full_name, u.avatar, v.created_at, v.updated_at, (
    SELECT count(*)
    FROM videos AS v0
    WHERE v0.is_published AND to_tsvector('english', (v0.title || ' ') || v0.description) @@ plainto_tsquery('english', :query)) AS "Total"
FROM videos AS v
INNER JOIN users AS u ON v.owner_id = u.id
WHERE v.is_published AND to_tsvector('english', (v.title || ' ') || v.description) @@ plainto_tsquery('english', :query)
ORDER BY v.created_at DESC
LIMIT :limit OFFSET :offset;
