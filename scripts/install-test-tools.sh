#!/usr/bin/env bash
# Installs the optional tools some tests use, where this user may install them (root on Debian, as on CI):
# ffmpeg (ffprobe reads video durations), s3rver (a real S3-protocol server for the S3 adapter's tests), and curl
# and jq, which the README's walkthrough uses.
# Without them those tests are skipped, not failed; nothing here is fatal.
set -uo pipefail

log() { echo "[install-test-tools] $*" >&2; }

if ! command -v ffprobe >/dev/null || ! command -v ffmpeg >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "installing ffmpeg"
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends ffmpeg) >&2 \
      || log "could not install ffmpeg: the ffprobe tests will be skipped"
  else
    log "ffmpeg missing: the ffprobe tests will be skipped"
  fi
fi

if ! command -v jq >/dev/null || ! command -v curl >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "installing curl and jq (the README walkthrough test runs them)"
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends curl jq) >&2 \
      || log "could not install curl/jq: the README walkthrough test will fail"
  else
    log "curl or jq missing: the README walkthrough test will fail"
  fi
fi

if ! command -v s3rver >/dev/null; then
  if command -v npm >/dev/null && [ "$(id -u)" -eq 0 ]; then
    log "installing s3rver"
    npm install -g --silent s3rver@3 >&2 || log "could not install s3rver: the S3 adapter tests will be skipped"
  else
    log "s3rver missing: the S3 adapter tests will be skipped"
  fi
fi
exit 0
