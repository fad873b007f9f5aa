-- GET /api/v1/videos?page=1&limit=10&query=<word matching ~28 %>, best hand-written SQL for the final schema: the
-- stored tsvector column ({{search_column}}, found by bench/run.sh) instead of computing to_tsvector per row; the page
-- walks the newest published videos and stops at the 10th match (about 40 rows at 28 %), the caller's drafts are a
-- second branch; the total counts exactly up to the cap ({{count_cap}}, Pagination:CountCap) and reports the cap
-- beyond it, with the flag. What the API knows after the search's first page is known here too (SearchTotals): its
-- published matches (known_matches, up to the cap and one) at the catalogue's search version (known_version), so
-- they are counted again only if that version moved; the caller's drafts are counted every time.
-- Planned for its word on every call, as the API's statement is: a generic plan cannot know how common the word is,
-- and picks the bitmap of every match and a sort (scale 1: 50 tx/s against 2,500 planned per call).
-- Variables from bench/run.sh: me, query, known_matches, known_version.
-- pgbench-options: -c plan_cache_mode=force_custom_plan
WITH total AS (
    SELECT (SELECT CASE WHEN k.search_version = :known_version THEN :known_matches
                        ELSE (SELECT count(*) FROM (SELECT 1 FROM videos c
                              WHERE c.is_published AND c.{{search_column}} @@ websearch_to_tsquery('english', :query) LIMIT {{count_cap}} + 1) capped) END
            FROM catalogue_counters k WHERE k.id = 1)
         + (SELECT count(*) FROM videos d
                WHERE NOT d.is_published AND d.owner_id = :me AND d.{{search_column}} @@ websearch_to_tsquery('english', :query)) AS n
)
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at,
    least(total.n, {{count_cap}}) AS total_docs, total.n > {{count_cap}} AS total_docs_capped
FROM (
    (SELECT p.* FROM videos p WHERE p.is_published AND p.{{search_column}} @@ websearch_to_tsquery('english', :query)
     ORDER BY p.created_at DESC, p.id DESC LIMIT 10)
    UNION ALL
    (SELECT d.* FROM videos d WHERE NOT d.is_published AND d.owner_id = :me AND d.{{search_column}} @@ websearch_to_tsquery('english', :query)
     ORDER BY d.created_at DESC, d.id DESC LIMIT 10)
    ORDER BY created_at DESC, id DESC
    LIMIT 10
) v
JOIN users u ON u.id = v.owner_id
CROSS JOIN total
ORDER BY v.created_at DESC, v.id DESC;
