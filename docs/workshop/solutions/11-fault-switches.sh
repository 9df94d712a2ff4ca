#!/usr/bin/env bash
# Exercise 11: a slow hop and a failing hop, and what the pod sees of each.
. "$(dirname "$0")/lib.sh"
faults="$WISIM_METADATA_URL/_sim/faults"
trap 'curl -sS -o /dev/null -X DELETE "$faults"; forget_tokens; rm -rf "$SCRATCH"' EXIT

say "IAM answers 800 ms late: the relay is slower by that much, and still succeeds"
curl -sS -X PUT -H 'Content-Type: application/json' -d '{"latencyMs": 800}' "$faults/iam" | jq -c .
forget_tokens
expect "status" "$(status_of "$(metadata instance/service-accounts/default/token)")" 200
iam_ms=$(relays | jq '.relays[0].hops[] | select(.hop == "IAM generateAccessToken") | .millis')
[ "$iam_ms" -ge 800 ] || fail "the IAM hop took $iam_ms ms, less than the 800 ms added"
echo "ok: the IAM hop took $iam_ms ms"

say "STS is unavailable: the metadata server says which hop failed, in GKE's words"
curl -sS -X PUT -H 'Content-Type: application/json' -d '{"status": 503}' "$faults/sts" | jq -c .
expect "what is on" "$(curl -sS "$faults" | jq -c '.faults | keys')" '["iam","sts"]'
forget_tokens
answer=$(metadata instance/service-accounts/default/token)
expect "status" "$(status_of "$answer")" 403
expect_in "the text" "$(body_of "$answer")" "Unable to generate token; STS returned 503"
expect "the relay stopped at STS" "$(relays | jq -r '.relays[0].hops | map("\(.hop) \(.status)") | join(", ")')" \
  "TokenRequest 201, STS token exchange 503"

say "a cached token does not need STS: only a fresh relay meets the fault"
curl -sS -o /dev/null -X DELETE "$faults"
expect "status, all switches off" "$(status_of "$(metadata instance/service-accounts/default/token)")" 200
curl -sS -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"status": 503}' "$faults/sts"
expect "status, STS down but the token cached" "$(status_of "$(metadata instance/service-accounts/default/token)")" 200

say "the API server refuses the TokenRequest"
curl -sS -o /dev/null -X DELETE "$faults"
curl -sS -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"status": 500}' "$faults/apiserver"
forget_tokens
answer=$(metadata instance/service-accounts/default/token)
echo "$(status_of "$answer"): $(body_of "$answer")"
expect "the relay stopped at the API server" "$(relays | jq -r '.relays[0].hops | map("\(.hop) \(.status)") | join(", ")')" "TokenRequest 500"
