#!/usr/bin/env bash
# Exercise 9: the article's direct REST call, then the relay by hand with curl, no metadata server.
. "$(dirname "$0")/lib.sh"

issuer=$(curl -sS "$WISIM_APISERVER_URL/.well-known/openid-configuration" | jq -r .issuer)

say "the direct REST call: the pod's own KSA token, from its projected volume, presented to the metadata server"
# the stack's node keeps each pod's volume under its state directory, where the admin token is too
ksa_file="$(dirname "$WISIM_ADMIN_TOKEN_FILE")/pods/demo/test-pod/serviceaccount/token"
expect "the mounted token's audience" "$(claims "$(cat "$ksa_file")" | jq -r '.aud | join(",")')" "$issuer"
answer=$(call -H "Authorization: Bearer $(cat "$ksa_file")" -H "$MD" \
  "http://$GCE_METADATA_HOST/computeMetadata/v1/instance/service-accounts/default/token")
expect "status" "$(status_of "$answer")" 200
expect "whose token" "$(curl -sS "$WISIM_IAM_URL/oauth2/v1/tokeninfo?access_token=$(token_of "$(body_of "$answer")")" | jq -r .email)" "$GSA"

say "by hand, 1. a KSA token for the pool, from the API server"
ksa_token=$(kubectl create token test-ksa --audience "$POOL")
expect "its subject" "$(claims "$ksa_token" | jq -r .sub)" "system:serviceaccount:demo:test-ksa"

say "2. a federated token, from STS"
answer=$(sts_exchange "$ksa_token" "identitynamespace:$POOL:$issuer")
expect "status" "$(status_of "$answer")" 200
federated=$(body_of "$answer" | jq -r .access_token)

say "3. the GSA's access token, from IAM Credentials, with the federated token as the caller"
answer=$(call -X POST -H "Authorization: Bearer $federated" -H 'Content-Type: application/json' \
  -d '{"scope": ["https://www.googleapis.com/auth/cloud-platform", "https://www.googleapis.com/auth/userinfo.email"], "lifetime": "600s"}' \
  "$WISIM_IAM_URL/v1/projects/-/serviceAccounts/$GSA:generateAccessToken")
expect "status" "$(status_of "$answer")" 200
access=$(body_of "$answer" | jq -r .accessToken)
echo "expires at $(body_of "$answer" | jq -r .expireTime)"

say "4. use it, and check it"
read=$(call -H "Authorization: Bearer $access" "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/o/hello.txt?alt=media")
expect "status" "$(status_of "$read")" 200
expect_in "hello.txt" "$(body_of "$read")" "Hello from wisim!"
info=$(curl -sS "$WISIM_IAM_URL/oauth2/v3/tokeninfo?access_token=$access")
expect "tokeninfo's email" "$(echo "$info" | jq -r .email)" "$GSA"
[ "$(echo "$info" | jq -r .expires_in)" -le 600 ] || fail "the lifetime asked for was 600 s"

say "the federated token alone cannot read the bucket: only the GSA is granted on it"
expect "status" "$(status_of "$(call -H "Authorization: Bearer $federated" "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/o/hello.txt?alt=media")")" 403
