#!/usr/bin/env bash
# Exercise 10: the metadata server caches tokens as GKE's does, and clocks decide what is expired.
. "$(dirname "$0")/lib.sh"
trap 'curl -sS -o /dev/null -X DELETE "$WISIM_STS_URL/_sim/clock"; forget_tokens; rm -rf "$SCRATCH"' EXIT

say "a second request within the token's life gets the same token, and makes no relay"
forget_tokens
first=$(body_of "$(metadata instance/service-accounts/default/token)")
relays_before=$(relays | jq '.relays | length')
sleep 1
second=$(body_of "$(metadata instance/service-accounts/default/token)")
expect "the same token" "$(token_of "$second")" "$(token_of "$first")"
[ "$(echo "$second" | jq .expires_in)" -le "$(echo "$first" | jq .expires_in)" ] || fail "expires_in should count down"
expect "no new relay" "$(relays | jq '.relays | length')" "$relays_before"

say "another scope set needs only the IAM hop: the pod's federated token is kept too"
metadata "instance/service-accounts/default/token?scopes=https://www.googleapis.com/auth/devstorage.read_only" >/dev/null
expect "the hops" "$(relays | jq -r '[.relays[0].hops[].hop] | join(", ")')" "IAM generateAccessToken"
expect "reused" "$(relays | jq -r '.relays[0].reused | join(", ")')" "federated token"

say "forgetting the cache makes the next request run every hop again"
forget_tokens
third=$(body_of "$(metadata instance/service-accounts/default/token)")
[ "$(token_of "$third")" != "$(token_of "$first")" ] || fail "a fresh relay should mint a new token"
expect "the hops" "$(relays | jq -r '[.relays[0].hops[].hop] | join(", ")')" \
  "TokenRequest, STS token exchange, IAM generateAccessToken"

say "an STS whose clock runs 10 minutes behind sees the fresh KSA token as not yet valid"
curl -sS -X PUT -H 'Content-Type: application/json' -d '{"skewSeconds": -600}' "$WISIM_STS_URL/_sim/clock" | jq -c .
forget_tokens
answer=$(metadata instance/service-accounts/default/token)
expect "the metadata server's status" "$(status_of "$answer")" 403
expect_in "STS's reason, passed on" "$(body_of "$answer")" "ID Token is not valid before"
curl -sS -o /dev/null -X DELETE "$WISIM_STS_URL/_sim/clock"
expect "with the clocks agreeing again" "$(status_of "$(metadata instance/service-accounts/default/token)")" 200
