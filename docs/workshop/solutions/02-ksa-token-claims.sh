#!/usr/bin/env bash
# Exercise 2: what a KSA token says, and who can check it.
. "$(dirname "$0")/lib.sh"

say "a KSA token for the workload pool, as the metadata server asks for it"
token=$(kubectl create token test-ksa --audience "$POOL" --duration 10m)
claims "$token" | jq .
issuer=$(curl -sS "$WISIM_APISERVER_URL/.well-known/openid-configuration" | jq -r .issuer)
expect "iss: the cluster's URL at the GKE API" "$(claims "$token" | jq -r .iss)" "$issuer"
expect "sub: the KSA" "$(claims "$token" | jq -r .sub)" "system:serviceaccount:demo:test-ksa"
expect "aud: the workload pool" "$(claims "$token" | jq -r '.aud | join(",")')" "$POOL"
expect "lifetime: the --duration asked for" "$(claims "$token" | jq -r '.exp - .iat')" 600

say "its kid names a key the cluster publishes, so anyone can verify it (STS does)"
kid=$(header "$token" | jq -r .kid)
expect "alg" "$(header "$token" | jq -r .alg)" RS256
expect "the kid is in the cluster's JWKS" \
  "$(curl -sS "$WISIM_APISERVER_URL/openid/v1/jwks" | jq -r --arg kid "$kid" '[.keys[].kid] | index($kid) != null')" true

say "the token the relay asked for is bound to the pod as well"
forget_tokens
metadata instance/service-accounts/default/token >/dev/null
bound=$(relays | jq '.relays[0].hops[0].token.claims')
expect "bound to the pod" "$(echo "$bound" | jq -r '."kubernetes.io".pod.name')" test-pod
expect "of the KSA" "$(echo "$bound" | jq -r '."kubernetes.io".serviceaccount.name')" test-ksa

say "without --audience, the token is for the cluster itself, and STS would refuse it (exercise 3)"
expect "default audience" "$(claims "$(kubectl create token test-ksa)" | jq -r '.aud | join(",")')" "$issuer"
