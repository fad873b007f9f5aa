-- POST /api/v1/users/login, best hand-written SQL: the user lookup by normalized name and the new refresh token's
-- INSERT (its values, which the API computes, generated in SQL). The API's cost is PBKDF2 password hashing (by design),
-- which has no SQL counterpart.
-- Variables from bench/run.sh: login_name (normalized, e.g. USER000002), login_id (that user's id).
SELECT u.id, u.user_name, u.password_hash, u.security_stamp, u.lockout_end, u.lockout_enabled, u.access_failed_count
FROM users u
WHERE u.normalized_user_name = :login_name;
INSERT INTO refresh_tokens (id, created_at, expires_at, family_id, ip_address, token_hash, user_agent, user_id)
VALUES (gen_random_uuid(), now(), now() + interval '10 days', gen_random_uuid(), '127.0.0.1',
    encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 'wrk', :login_id);
