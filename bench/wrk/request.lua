-- wrk script shared by every route: the request comes from the environment, so one script serves them all.
--   BENCH_TOKEN         access token sent as "Authorization: Bearer <token>" (omit for public routes)
--   BENCH_METHOD        GET (default) or POST
--   BENCH_BODY          request body (POST), sent as application/json
-- done() prints one machine-readable line that bench/run.sh parses.
local token = os.getenv("BENCH_TOKEN")
local body = os.getenv("BENCH_BODY")

wrk.method = os.getenv("BENCH_METHOD") or "GET"
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
