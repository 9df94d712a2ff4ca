#!/usr/bin/env bash
# Exercise 1: one token request, three hops.
. "$(dirname "$0")/lib.sh"

say "the pod asks the metadata server for a token"
forget_tokens
answer=$(metadata instance/service-accounts/default/token)
expect "status" "$(status_of "$answer")" 200
expect "token type" "$(body_of "$answer" | jq -r .token_type)" Bearer
expect_in "the GSA's access token" "$(token_of "$(body_of "$answer")")" "ya29.c."

say "behind it, the metadata server made three calls"
relay=$(relays | jq '.relays[0]')
echo "$relay" | jq -r '.hops[] | "\(.hop)\t\(.status)\t\(.millis) ms\t\(.token.subject // "")"'
expect "the hops" "$(echo "$relay" | jq -r '[.hops[].hop] | join(", ")')" \
  "TokenRequest, STS token exchange, IAM generateAccessToken"
expect "their statuses" "$(echo "$relay" | jq -r '[.hops[].status] | join(" ")')" "201 200 200"
expect "the KSA token's subject" "$(echo "$relay" | jq -r '.hops[0].token.subject')" "system:serviceaccount:demo:test-ksa"
expect "the federated token's subject" "$(echo "$relay" | jq -r '.hops[1].token.subject')" "serviceAccount:$POOL[demo/test-ksa]"
expect "the access token's subject" "$(echo "$relay" | jq -r '.hops[2].token.subject')" "$GSA"

say "tokeninfo names the GSA: the KSA became the GSA"
info=$(curl -sS -H "Authorization: Bearer $(token_of "$(body_of "$answer")")" "$WISIM_IAM_URL/oauth2/v1/tokeninfo")
expect "email" "$(echo "$info" | jq -r .email)" "$GSA"
