#!/usr/bin/env bash
# Exercise 6: the binding names a namespace, and the GSA may live in another project.
. "$(dirname "$0")/lib.sh"

PORT=${GCE_METADATA_HOST##*:}
READER=reader@data-project.iam.gserviceaccount.com
cleanup() {
  kubectl delete namespace other --ignore-not-found >/dev/null
  curl -sS -o /dev/null -X DELETE -H "$ADMIN" "$WISIM_IAM_URL/v1/projects/data-project/serviceAccounts/$READER"
  forget_tokens; rm -rf "$SCRATCH"
}
trap cleanup EXIT

say "the same KSA name, annotated with the same GSA, in another namespace"
kubectl create namespace other
kubectl -n other create sa test-ksa
kubectl -n other annotate sa test-ksa "iam.gke.io/gcp-service-account=$GSA"
kubectl -n other run other-pod --image=busybox --overrides='{"spec":{"serviceAccountName":"test-ksa"}}'
kubectl -n other wait --for=jsonpath='{.status.podIP}' pod/other-pod --timeout=30s >/dev/null
ip=$(kubectl -n other get pod other-pod -o jsonpath='{.status.podIP}')

say "refused at IAM: the binding is for [demo/test-ksa], not [other/test-ksa]"
answer=$(metadata instance/service-accounts/default/token "$ip:$PORT")
expect "status" "$(status_of "$answer")" 403
expect_in "reason" "$(body_of "$answer")" "iam.serviceAccounts.getAccessToken"
denial=$(curl -sS "$WISIM_IAM_URL/_sim/denials" | jq '.denials[0]')
echo "$denial" | jq '{principalMembers, bindings}'
expect "IAM knows the caller as" "$(echo "$denial" | jq -r --arg m "serviceAccount:$POOL[other/test-ksa]" '.principalMembers | index($m) != null')" true
expect "and the binding does not name it" "$(echo "$denial" | jq -r '.bindings[0].membersNamePrincipal')" false

say "a GSA in another project, bound to the KSA of this cluster's pool"
curl -sS -o /dev/null -X POST -H "$ADMIN" -H 'Content-Type: application/json' -d '{"projectId": "data-project"}' \
  "$WISIM_IAM_URL/v1/projects"
curl -sS -o /dev/null -X POST -H "$ADMIN" -H 'Content-Type: application/json' -d '{"accountId": "reader"}' \
  "$WISIM_IAM_URL/v1/projects/data-project/serviceAccounts"
set_gsa_policy "$READER" "{\"bindings\": [{\"role\": \"roles/iam.workloadIdentityUser\", \"members\": [\"serviceAccount:$POOL[other/test-ksa]\"]}]}"
kubectl -n other annotate sa test-ksa --overwrite "iam.gke.io/gcp-service-account=$READER"
forget_tokens

say "the pool stays the cluster's project's; the token is the other project's GSA's"
answer=$(metadata instance/service-accounts/default/token "$ip:$PORT")
expect "status" "$(status_of "$answer")" 200
info=$(curl -sS -H "Authorization: Bearer $(token_of "$(body_of "$answer")")" "$WISIM_IAM_URL/oauth2/v1/tokeninfo")
expect "tokeninfo's email" "$(echo "$info" | jq -r .email)" "$READER"
expect "the federated token still came from $POOL" "$(relays | jq -r '.relays[0].hops[1].token.subject')" "serviceAccount:$POOL[other/test-ksa]"
