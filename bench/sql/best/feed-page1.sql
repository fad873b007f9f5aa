-- GET /api/v1/videos?page=1&limit=10, best hand-written SQL for the final schema: the newest published videos plus the
-- caller's drafts (each branch walks its index and stops after 10 rows), with the owner, and the chai total from the
-- counters: catalogue_counters.published_videos + the caller's drafts (videos_count - published_videos_count).
-- The limit is a literal: a parameterised LIMIT makes PostgreSQL re-plan on every call (issue 11).
-- Variables from bench/run.sh: me (the caller).
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at,
    (SELECT c.published_videos FROM catalogue_counters c WHERE c.id = 1)
        + (SELECT m.videos_count - m.published_videos_count FROM users m WHERE m.id = :me) AS total_docs
FROM (
    (SELECT * FROM videos WHERE is_published ORDER BY created_at DESC, id DESC LIMIT 10)
    UNION ALL
    (SELECT * FROM videos WHERE NOT is_published AND owner_id = :me ORDER BY created_at DESC, id DESC LIMIT 10)
    ORDER BY created_at DESC, id DESC
    LIMIT 10
) v
JOIN users u ON u.id = v.owner_id
ORDER BY v.created_at DESC, v.id DESC;
