-- GET /api/v1/users/c/<username>: captured from EF Core with bench/capture-sql.sh (Serilog override
-- Microsoft.EntityFrameworkCore.Database.Command=Information) against a scale-1 seeded database, 2026-11-25;
-- EF's parameters renamed to pgbench variables, nothing else changed. One statement.
-- Variables from bench/run.sh: username (normalized, e.g. USER000001), me (the logged-in user's id).
SELECT u.id AS "Id", u.full_name AS "FullName", u.user_name AS "Username", u.avatar_key AS "Avatar", u.cover_image_key AS "CoverImage", CASE
    WHEN u.id = :me THEN u.email
END AS "Email", (
    SELECT count(*)::int
    FROM subscriptions AS s
    WHERE s.channel_id = u.id) AS "SubscribersCount", (
    SELECT count(*)::int
    FROM subscriptions AS s0
    WHERE s0.subscriber_id = u.id) AS "ChannelsSubscribedToCount", EXISTS (
    SELECT 1
    FROM subscriptions AS s1
    WHERE s1.channel_id = u.id AND s1.subscriber_id = :me) AS "IsSubscribed"
FROM users AS u
WHERE u.normalized_user_name = :username
LIMIT 2;
