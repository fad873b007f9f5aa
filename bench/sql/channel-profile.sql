-- GET /api/v1/users/c/<username> (reconstruction; replace with the captured SQL, see bench/README.md).
-- LINQ: Users.Where(normalized name).Select(new ChannelProfileDto { ..., SubscribersCount = Subscriptions.Count(channel),
-- ChannelsSubscribedToCount = Subscriptions.Count(subscriber), IsSubscribed = Subscriptions.Any(channel && me) })
-- Variables from bench/run.sh: username (normalized, e.g. USER000001), me (the logged-in user's id).
SELECT u.id, u.full_name, u.user_name, (
    SELECT count(*)::int
    FROM subscriptions AS s
    WHERE s.channel_id = u.id) AS "SubscribersCount", (
    SELECT count(*)::int
    FROM subscriptions AS s0
    WHERE s0.subscriber_id = u.id) AS "ChannelsSubscribedToCount", EXISTS (
    SELECT 1
    FROM subscriptions AS s1
    WHERE s1.channel_id = u.id AND s1.subscriber_id = :me) AS "IsSubscribed", u.avatar, u.cover_image, u.email
FROM users AS u
WHERE u.normalized_user_name = :username
LIMIT 1;
