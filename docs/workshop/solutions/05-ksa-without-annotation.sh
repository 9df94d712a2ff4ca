#!/usr/bin/env bash
# Exercise 5: a KSA with no GSA annotation gets the federated token itself.
. "$(dirname "$0")/lib.sh"

PORT=${GCE_METADATA_HOST##*:}
PRINCIPAL="principal://iam.googleapis.com/projects/$WISIM_PROJECT_NUMBER/locations/global/workloadIdentityPools/$POOL/subject/ns/demo/sa/plain"
bucket_policy=$(curl -sS -H "$ADMIN" "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/iam")
cleanup() {
  curl -sS -X PUT -H "$ADMIN" -H 'Content-Type: application/json' -d "$(echo "$bucket_policy" | jq -c 'del(.etag)')" \
    "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/iam" >/dev/null
  kubectl delete pod plain-pod --ignore-not-found >/dev/null; kubectl delete sa plain --ignore-not-found >/dev/null
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

say "a KSA without iam.gke.io/gcp-service-account, and a pod running as it"
kubectl create sa plain
kubectl run plain-pod --image=busybox --overrides='{"spec":{"serviceAccountName":"plain"}}'
kubectl wait --for=jsonpath='{.status.podIP}' pod/plain-pod --timeout=30s >/dev/null
ip=$(kubectl get pod plain-pod -o jsonpath='{.status.podIP}')
echo "the pod's address: $ip (the metadata server knows a pod by it)"

say "its email is the pool's, and its token is STS's federated token: IAM was never asked"
expect "email" "$(body_of "$(metadata instance/service-accounts/default/email "$ip:$PORT")")" "$POOL"
token=$(token_of "$(body_of "$(metadata instance/service-accounts/default/token "$ip:$PORT")")")
expect_in "a federated token" "$token" "ya29.d."
expect "the hops" "$(relays | jq -r '[.relays[0].hops[].hop] | join(", ")')" "TokenRequest, STS token exchange"
expect "it speaks for" "$(claims "${token#ya29.d.}" | jq -r .sub)" "$PRINCIPAL"
answer=$(metadata "instance/service-accounts/default/identity?audience=https://example.test" "$ip:$PORT")
expect "no ID token without a GSA" "$(status_of "$answer")" 404
expect_in "why" "$(body_of "$answer")" "is not annotated with a target Google service account"

say "the bucket does not know that principal yet"
read_hello() { call -H "Authorization: Bearer $token" "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/o/hello.txt?alt=media"; }
expect "status" "$(status_of "$(read_hello)")" 403
expect_in "storage's reason" "$(body_of "$(read_hello)")" "does not have storage.objects.get access"

say "grant the principal itself on the bucket: no GSA in between"
curl -sS -X PUT -H "$ADMIN" -H 'Content-Type: application/json' \
  -d "$(echo "$bucket_policy" | jq -c --arg m "$PRINCIPAL" '.bindings += [{role: "roles/storage.objectViewer", members: [$m]}]')" \
  "$WISIM_STORAGE_URL/storage/v1/b/demo-bucket/iam" >/dev/null
expect "status" "$(status_of "$(read_hello)")" 200
expect_in "hello.txt" "$(body_of "$(read_hello)")" "Hello from wisim!"
