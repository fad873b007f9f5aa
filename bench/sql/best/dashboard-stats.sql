-- GET /api/v1/dashboard/stats (as the most followed channel), best hand-written SQL for the final schema: all four
-- figures are stored counters of the caller's user row (videos_count, total_views, subscribers_count, total_likes).
-- Variables from bench/run.sh: popular_id (the channel's user id, whose token the route uses).
SELECT u.videos_count, u.total_views, u.subscribers_count, u.total_likes
FROM users u
WHERE u.id = :popular_id;
