#!/usr/bin/env bash
# Exercise 4: the one binding that lets the KSA be the GSA.
. "$(dirname "$0")/lib.sh"

say "the GSA's policy: roles/iam.workloadIdentityUser for the KSA, as the pool names it"
policy=$(gsa_policy "$GSA")
echo "$policy" | jq .
expect "the member" "$(echo "$policy" | jq -r '.bindings[] | select(.role == "roles/iam.workloadIdentityUser") | .members[0]')" \
  "serviceAccount:$POOL[demo/test-ksa]"
trap 'set_gsa_policy "$GSA" "$(echo "$policy" | jq -c "del(.etag)")"; forget_tokens; rm -rf "$SCRATCH"' EXIT

say "removed: a cached token still works until it is due for refresh; a fresh relay is refused at IAM"
set_gsa_policy "$GSA" '{"version": 3}'
forget_tokens
answer=$(metadata instance/service-accounts/default/token)
expect "status" "$(status_of "$answer")" 403
expect_in "the metadata server's text" "$(body_of "$answer")" "Unable to generate access token; IAM returned 403 Forbidden"
expect_in "IAM's reason" "$(body_of "$answer")" "iam.serviceAccounts.getAccessToken"
expect "the relay stopped at IAM" "$(relays | jq -r '.relays[0].hops | map("\(.hop) \(.status)") | join(", ")')" \
  "TokenRequest 201, STS token exchange 200, IAM generateAccessToken 403"
say "IAM explains the denial"
curl -sS "$WISIM_IAM_URL/_sim/denials" | jq '.denials[0] | {principal, permission, resource}'

say "restored: it works again, with no restart"
set_gsa_policy "$GSA" "$(echo "$policy" | jq -c 'del(.etag)')"
forget_tokens
expect "status" "$(status_of "$(metadata instance/service-accounts/default/token)")" 200
