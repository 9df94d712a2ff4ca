#!/usr/bin/env bash
# Exercise 13: the cluster's front door — get-credentials, a Google identity at the API server, IAM then RBAC.
. "$(dirname "$0")/lib.sh"

VIEWER=ws-viewer@$WISIM_PROJECT_ID.iam.gserviceaccount.com
ADMIN_EMAIL=$(jq -r .client_email "$WISIM_ADMIN_KEY_FILE")
ADMIN_KUBECONFIG=$KUBECONFIG
as_admin() { KUBECONFIG=$ADMIN_KUBECONFIG kubectl "$@"; }
cleanup() {
  as_admin delete rolebinding ws-viewer-edit -n demo --ignore-not-found >/dev/null
  as_admin delete sa from-ws-viewer -n demo --ignore-not-found >/dev/null
  gcloud config set account "$ADMIN_EMAIL" >/dev/null 2>&1 || true
  gcloud projects remove-iam-policy-binding "$WISIM_PROJECT_ID" --member "serviceAccount:$VIEWER" \
    --role roles/container.viewer --condition=None >/dev/null 2>&1 || true
  gcloud iam service-accounts delete "$VIEWER" --quiet >/dev/null 2>&1 || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

say "the project's owner makes a service account with roles/container.viewer, and signs in with its key"
gcloud auth activate-service-account --key-file "$WISIM_ADMIN_KEY_FILE" >/dev/null 2>&1
gcloud iam service-accounts describe "$VIEWER" >/dev/null 2>&1 || gcloud iam service-accounts create ws-viewer >/dev/null 2>&1
gcloud projects add-iam-policy-binding "$WISIM_PROJECT_ID" --member "serviceAccount:$VIEWER" --role roles/container.viewer \
  --condition=None >/dev/null 2>&1
gcloud iam service-accounts keys create "$SCRATCH/viewer.json" --iam-account "$VIEWER" >/dev/null 2>&1
gcloud auth activate-service-account --key-file "$SCRATCH/viewer.json" >/dev/null 2>&1
expect "what the role holds" "$(gcloud iam roles describe roles/container.viewer --format=json \
  | jq '.includedPermissions | index("container.pods.list") != null and index("container.pods.create") == null')" true

say "get-credentials writes a kubeconfig kubectl verifies the cluster with, and a user that runs gke-gcloud-auth-plugin"
export KUBECONFIG="$SCRATCH/kube/config"
gcloud container clusters get-credentials my-cluster-name --location us-central1 2>&1 | tail -n 1
expect_in "the cluster's CA" "$(cat "$KUBECONFIG")" "certificate-authority-data:"
expect_in "the auth plugin" "$(cat "$KUBECONFIG")" "command: gke-gcloud-auth-plugin"
expect "who the API server sees" "$(kubectl auth whoami -o jsonpath='{.status.userInfo.username}')" "$VIEWER"

say "IAM lets the viewer read, not write: GKE's reason names the permission"
expect_in "pods in demo" "$(kubectl get pods -n demo -o name)" "pod/test-pod"
expect_in "can-i" "$(kubectl auth can-i create serviceaccounts -n demo || true)" \
  'no - requires one of ["container.serviceAccounts.create"] permission(s).'
expect_in "the refusal" "$(kubectl create sa from-ws-viewer -n demo 2>&1 || true)" \
  'cannot create resource "serviceaccounts" in API group "" in the namespace "demo": requires one of ["container.serviceAccounts.create"] permission(s).'

say "RBAC may allow what IAM does not: a RoleBinding to edit, in demo only"
as_admin create rolebinding ws-viewer-edit --clusterrole=edit --user="$VIEWER" -n demo >/dev/null
expect "can-i in demo" "$(kubectl auth can-i create serviceaccounts -n demo)" yes
kubectl create sa from-ws-viewer -n demo >/dev/null
expect "can-i in default" "$(kubectl auth can-i create serviceaccounts -n default || true)" \
  'no - requires one of ["container.serviceAccounts.create"] permission(s).'
