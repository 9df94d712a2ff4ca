# Helpers shared by the workshop's solution scripts. Source it after exporting the stack's client
# environment (set -a; . .wisim/stack.env; set +a). Each script checks what it shows and exits
# non-zero when the stack does not behave as the guide says, so CI keeps the guide true.
set -euo pipefail

GSA=test-gsa@demo-project.iam.gserviceaccount.com
POOL=${WISIM_PROJECT_ID}.svc.id.goog
ADMIN="Authorization: Bearer $(cat "$WISIM_ADMIN_TOKEN_FILE")"
MD="Metadata-Flavor: Google"

# A scratch gcloud and kubectl home, so that no exercise touches yours.
SCRATCH=$(mktemp -d)
export CLOUDSDK_CONFIG="$SCRATCH/gcloud" HOME="$SCRATCH"
trap 'rm -rf "$SCRATCH"' EXIT

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# expect LABEL ACTUAL EXPECTED: the two are equal
expect() { [ "$2" = "$3" ] || fail "$1: expected [$3], got [$2]"; echo "ok: $1 = $3"; }
# expect_in LABEL TEXT PART: TEXT contains PART
expect_in() { case "$2" in *"$3"*) echo "ok: $1 contains \"$3\"";; *) fail "$1: [$2] does not contain [$3]";; esac; }

# The body of a request, and its status on stderr-free stdout's last line: body=$(call …); status=${body##*$'\n'}
call() { curl -sS -w '\n%{http_code}' "$@"; }
status_of() { printf '%s' "${1##*$'\n'}"; }
body_of() { printf '%s' "${1%$'\n'*}"; }

# The metadata server's answer for the pod at ADDRESS (default: the node's address, the scenario's test-pod)
metadata() { call -H "$MD" "http://${2:-$GCE_METADATA_HOST}/computeMetadata/v1/$1"; }
token_of() { printf '%s' "$1" | jq -r .access_token; }

# A JWT's header (part 1) or claims (part 2), base64url-decoded
jwt_part() {
  local part; part=$(printf '%s' "$1" | cut -d. -f"$2" | tr '_-' '/+')
  while [ $(( ${#part} % 4 )) -ne 0 ]; do part="$part="; done
  printf '%s' "$part" | base64 -d
}
header() { jwt_part "$1" 1; }
claims() { jwt_part "$1" 2; }

# The relays the metadata server made, newest first, and forgetting its cached tokens
relays() { curl -sS "$WISIM_METADATA_URL/_sim/relays"; }
forget_tokens() { curl -sS -X DELETE "$WISIM_METADATA_URL/_sim/token-cache" >/dev/null; }

# A GSA's IAM policy, read and written with the scenario admin's token
gsa_policy() { curl -sS -X POST -H "$ADMIN" "$WISIM_IAM_URL/v1/projects/-/serviceAccounts/$1:getIamPolicy"; }
set_gsa_policy() {
  curl -sS -X POST -H "$ADMIN" -H 'Content-Type: application/json' -d "{\"policy\": $2}" \
    "$WISIM_IAM_URL/v1/projects/-/serviceAccounts/$1:setIamPolicy" >/dev/null
}

# A token exchange at STS, as the metadata server makes it: SUBJECT_TOKEN AUDIENCE
sts_exchange() {
  call -X POST "$WISIM_STS_URL/v1/token" -H 'Content-Type: application/json' -d "$(jq -n --arg t "$1" --arg a "$2" '{
    grantType: "urn:ietf:params:oauth:grant-type:token-exchange", audience: $a,
    scope: "https://www.googleapis.com/auth/cloud-platform",
    requestedTokenType: "urn:ietf:params:oauth:token-type:access_token",
    subjectToken: $t, subjectTokenType: "urn:ietf:params:oauth:token-type:jwt"}')"
}
