-- GET /api/v1/users/c/<username>, best hand-written SQL for the final schema of issue 11: the same fields as the API's
-- answer, the two counts read from the stored counters (users.subscribers_count, users.subscriptions_count) instead
-- of counting subscriptions. One statement, one index probe plus one unique-index probe for "am I subscribed".
-- Variables from bench/run.sh: username (normalized, e.g. USER000001), me (the caller).
SELECT u.id, u.full_name, u.user_name, u.avatar_key, u.cover_image_key,
    CASE WHEN u.id = :me THEN u.email END AS email,
    u.subscribers_count, u.subscriptions_count,
    EXISTS (SELECT 1 FROM subscriptions s WHERE s.subscriber_id = :me AND s.channel_id = u.id) AS is_subscribed
FROM users u
WHERE u.normalized_user_name = :username;
