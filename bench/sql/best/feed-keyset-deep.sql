-- GET /api/v1/videos?limit=10&cursor=<cursor ~DEEP_PAGE pages deep>, best hand-written SQL for the final schema: the
-- same two branches as page 1, each seeking past the cursor's (created_at, id) instead of skipping rows, so the cost
-- does not grow with depth; the same total from the counters.
-- Variables from bench/run.sh: me, after_at and after_id (the last row of the page before, read with SQL).
SELECT v.id, v.video_file_key, v.thumbnail_key, v.title, v.description, v.duration, v.views, v.is_published,
    u.id, u.user_name, u.full_name, u.avatar_key, v.created_at, v.updated_at,
    (SELECT c.published_videos FROM catalogue_counters c WHERE c.id = 1)
        + (SELECT m.videos_count - m.published_videos_count FROM users m WHERE m.id = :me) AS total_docs
FROM (
    (SELECT * FROM videos WHERE is_published AND (created_at, id) < (:after_at::timestamptz, :after_id::uuid)
     ORDER BY created_at DESC, id DESC LIMIT 10)
    UNION ALL
    (SELECT * FROM videos WHERE NOT is_published AND owner_id = :me
       AND (created_at, id) < (:after_at::timestamptz, :after_id::uuid)
     ORDER BY created_at DESC, id DESC LIMIT 10)
    ORDER BY created_at DESC, id DESC
    LIMIT 10
) v
JOIN users u ON u.id = v.owner_id
ORDER BY v.created_at DESC, v.id DESC;
