-- POST /api/v1/users/login: the SQL of a successful login, as captured with bench/capture-sql.sh (user lookup,
-- then the new refresh token's INSERT), 2026-11-25; the INSERT's values, which the API computes, are generated in SQL.
-- The API's time is dominated by PBKDF2 password hashing, which has no SQL counterpart; the ratio shows its cost.
-- Variables: login_name (normalized username, e.g. USER000002) and login_id (that user's id).
SELECT u.id, u.access_failed_count, u.avatar_key, u.concurrency_stamp, u.cover_image_key, u.created_at, u.email,
    u.email_confirmed, u.full_name, u.lockout_enabled, u.lockout_end, u.normalized_email, u.normalized_user_name,
    u.password_hash, u.phone_number, u.phone_number_confirmed, u.security_stamp, u.two_factor_enabled, u.updated_at,
    u.user_name
FROM users AS u
WHERE u.normalized_user_name = :login_name
LIMIT 1;
INSERT INTO refresh_tokens (id, created_at, expires_at, family_id, ip_address, replaced_by_token_id, revocation_reason,
    revoked_at, token_hash, user_agent, user_id)
VALUES (gen_random_uuid(), now(), now() + interval '10 days', gen_random_uuid(), '127.0.0.1', NULL, NULL, NULL,
    encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 'wrk', :login_id);
