#!/usr/bin/env bash
# Exercise 8: a workload identity pool with an OIDC provider, as for a cluster outside GKE.
# The "outside" cluster is wisim's own: any OIDC issuer with a JWKS will do.
. "$(dirname "$0")/lib.sh"

pool_id=on-prem-$RANDOM
pools="$WISIM_IAM_URL/v1/projects/$WISIM_PROJECT_NUMBER/locations/global/workloadIdentityPools"
provider="//iam.googleapis.com/projects/$WISIM_PROJECT_NUMBER/locations/global/workloadIdentityPools/$pool_id/providers/demo-cluster"
bucket_policy=$(curl -sS -H "$ADMIN" "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/iam")
cleanup() {
  curl -sS -o /dev/null -X PUT -H "$ADMIN" -H 'Content-Type: application/json' -d "$(echo "$bucket_policy" | jq -c 'del(.etag)')" \
    "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/iam"
  curl -sS -o /dev/null -X DELETE -H "$ADMIN" "$pools/$pool_id"
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

say "a pool, and a provider trusting the cluster's issuer, with an attribute and a condition"
curl -sS -o /dev/null -X POST -H "$ADMIN" -H 'Content-Type: application/json' -d '{"displayName": "clusters outside GKE"}' \
  "$pools?workloadIdentityPoolId=$pool_id"
issuer=$(curl -sS "$WISIM_APISERVER_URL/.well-known/openid-configuration" | jq -r .issuer)
created=$(curl -sS -X POST -H "$ADMIN" -H 'Content-Type: application/json' \
  -d "$(jq -n --arg issuer "$issuer" --arg jwks "$(curl -sS "$WISIM_APISERVER_URL/openid/v1/jwks")" '{
    oidc: {issuerUri: $issuer, jwksJson: $jwks},
    attributeMapping: {"google.subject": "assertion.sub", "attribute.namespace": "assertion[\"kubernetes.io\"][\"namespace\"]"},
    attributeCondition: "attribute.namespace == \"demo\""}')" \
  "$pools/$pool_id/providers?workloadIdentityPoolProviderId=demo-cluster")
expect "the provider" "$(echo "$created" | jq -r .response.state)" ACTIVE

say "a KSA token whose audience is the provider (its default allowed audience is https: + its name)"
token=$(kubectl create token test-ksa --audience "https:$provider")
answer=$(sts_exchange "$token" "$provider")
expect "status" "$(status_of "$answer")" 200
federated=$(body_of "$answer" | jq -r .access_token)
expect "it speaks for" "$(claims "${federated#ya29.d.}" | jq -r .sub)" \
  "principal://iam.googleapis.com/projects/$WISIM_PROJECT_NUMBER/locations/global/workloadIdentityPools/$pool_id/subject/system:serviceaccount:demo:test-ksa"
set_in="principalSet://iam.googleapis.com/projects/$WISIM_PROJECT_NUMBER/locations/global/workloadIdentityPools/$pool_id/attribute.namespace/demo"
expect_in "and is in the set of its namespace" "$(claims "${federated#ya29.d.}" | jq -r '.principalSets | join(" ")')" "$set_in"

say "a KSA of another namespace fails the attribute condition"
answer=$(sts_exchange "$(kubectl -n kube-system create token default --audience "https:$provider")" "$provider")
expect "status" "$(status_of "$answer")" 400
expect "error" "$(body_of "$answer" | jq -r .error)" unauthorized_client
expect "description" "$(body_of "$answer" | jq -r .error_description)" "The given credential is rejected by the attribute condition."

say "grant the namespace's principal set on the bucket, and read with the federated token"
curl -sS -o /dev/null -X PUT -H "$ADMIN" -H 'Content-Type: application/json' \
  -d "$(echo "$bucket_policy" | jq -c --arg m "$set_in" '.bindings += [{role: "roles/storage.objectViewer", members: [$m]}]')" \
  "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/iam"
read=$(call -H "Authorization: Bearer $federated" "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/o/hello.txt?alt=media")
expect "status" "$(status_of "$read")" 200
