#!/usr/bin/env bash
# Exercise 3: what STS checks before it trusts a KSA token.
. "$(dirname "$0")/lib.sh"

issuer=$(curl -sS "$WISIM_APISERVER_URL/.well-known/openid-configuration" | jq -r .issuer)
audience="identitynamespace:$POOL:$issuer"
good=$(kubectl create token test-ksa --audience "$POOL")

say "the exchange the metadata server makes: a federated token"
answer=$(sts_exchange "$good" "$audience")
expect "status" "$(status_of "$answer")" 200
federated=$(body_of "$answer" | jq -r .access_token)
expect_in "a federated token" "$federated" "ya29.d."
expect "it speaks for the KSA, as a principal of the pool" "$(claims "${federated#ya29.d.}" | jq -r .sub)" \
  "principal://iam.googleapis.com/projects/$WISIM_PROJECT_NUMBER/locations/global/workloadIdentityPools/$POOL/subject/ns/demo/sa/test-ksa"

say "a token for another audience"
answer=$(sts_exchange "$(kubectl create token test-ksa)" "$audience")
expect "status" "$(status_of "$answer")" 400
expect "error" "$(body_of "$answer" | jq -r .error)" invalid_grant
expect_in "description" "$(body_of "$answer" | jq -r .error_description)" "does not match the expected audience"

say "an issuer the pool does not know"
answer=$(sts_exchange "$good" "identitynamespace:$POOL:https://kubernetes.example.test")
expect "status" "$(status_of "$answer")" 400
expect "error" "$(body_of "$answer" | jq -r .error)" invalid_target

say "a tampered token: another KSA's name under the same signature"
forged_claims=$(claims "$good" | jq -c '.sub = "system:serviceaccount:kube-system:admin"' | base64 -w0 | tr '/+' '_-' | tr -d '=')
tampered="$(echo "$good" | cut -d. -f1).$forged_claims.$(echo "$good" | cut -d. -f3)"
answer=$(sts_exchange "$tampered" "$audience")
expect "status" "$(status_of "$answer")" 400
expect "description" "$(body_of "$answer" | jq -r .error_description)" "Invalid ID Token signature."

say "an unsigned token (alg none)"
none_header=$(printf '{"alg":"none","typ":"JWT"}' | base64 -w0 | tr '/+' '_-' | tr -d '=')
answer=$(sts_exchange "$none_header.$(echo "$good" | cut -d. -f2)." "$audience")
expect "status" "$(status_of "$answer")" 400
expect_in "description" "$(body_of "$answer" | jq -r .error_description)" "signing algorithm is not supported"
