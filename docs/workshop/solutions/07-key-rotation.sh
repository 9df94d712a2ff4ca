#!/usr/bin/env bash
# Exercise 7: keys rotate at the cluster and at IAM, and no live token breaks.
. "$(dirname "$0")/lib.sh"

issuer=$(curl -sS "$WISIM_APISERVER_URL/.well-known/openid-configuration" | jq -r .issuer)
audience="identitynamespace:$POOL:$issuer"
kids() { curl -sS "$1" | jq -r '[.keys[].kid] | join(" ")'; }

say "the cluster rotates its service-account signing key"
before=$(kubectl create token test-ksa --audience "$POOL")
old_kid=$(header "$before" | jq -r .kid)
rotated=$(curl -sS -X POST "$WISIM_APISERVER_URL/_sim/keys:rotate")
echo "$rotated" | jq .
new_kid=$(echo "$rotated" | jq -r .activeKid)
[ "$new_kid" != "$old_kid" ] || fail "the active key did not change"
after=$(kubectl create token test-ksa --audience "$POOL")
expect "a new token carries the new kid" "$(header "$after" | jq -r .kid)" "$new_kid"
expect_in "the JWKS keeps the old key while its tokens live" "$(kids "$WISIM_APISERVER_URL/openid/v1/jwks")" "$old_kid"
expect_in "and has the new one" "$(kids "$WISIM_APISERVER_URL/openid/v1/jwks")" "$new_kid"

say "STS keeps taking the old token; the new kid it fetches the JWKS again for, at most every 10 s"
expect "the old token" "$(status_of "$(sts_exchange "$before" "$audience")")" 200
for second in $(seq 0 15); do
  answer=$(sts_exchange "$after" "$audience")
  [ "$(status_of "$answer")" = 200 ] && break
  [ "$second" = 0 ] && echo "not yet: $(body_of "$answer" | jq -r .error_description)"
  sleep 1
done
expect "the new token, after ${second} s" "$(status_of "$answer")" 200

say "IAM rotates the key its ID tokens are signed with"
identity() { body_of "$(metadata "instance/service-accounts/default/identity?audience=https://example.test")"; }
forget_tokens
old_id_kid=$(header "$(identity)" | jq -r .kid)
new_id_kid=$(curl -sS -X POST "$WISIM_IAM_URL/_sim/keys:rotate" | jq -r .activeKid)
forget_tokens
expect "the next ID token carries the new kid" "$(header "$(identity)" | jq -r .kid)" "$new_id_kid"
expect_in "Google's certs keep the old key" "$(kids "$WISIM_IAM_URL/oauth2/v3/certs")" "$old_id_kid"
