#!/usr/bin/env bash
# Exercise 12: the relay on the wire, captured on loopback and read with tshark (needs root or
# CAP_NET_RAW to capture). As in the article, the pod's request to the metadata server is plain HTTP;
# unlike on GKE, where the metadata server reaches Google over TLS, the stack's back-end hops are plain
# HTTP on loopback too, so every token of the relay is in clear.
. "$(dirname "$0")/lib.sh"
command -v tshark >/dev/null || fail "tshark is not installed (apt-get install tshark)"

port() { local rest=${1##*:}; printf '%s' "${rest%%/*}"; }
metadata=${GCE_METADATA_HOST##*:}; sts=$(port "$WISIM_STS_URL"); iam=$(port "$WISIM_IAM_URL"); apiserver=$(port "$WISIM_APISERVER_URL")
pcap="$SCRATCH/relay.pcap"

say "capture loopback at the metadata server ($metadata), the API server ($apiserver), STS ($sts) and IAM ($iam) while the pod asks for a token"
forget_tokens
tshark -i lo -q -f "tcp port $metadata or tcp port $apiserver or tcp port $sts or tcp port $iam" -w "$pcap" 2>"$SCRATCH/tshark.log" &
capture=$!
for _ in $(seq 1 50); do grep -q "Capturing on" "$SCRATCH/tshark.log" && break; sleep 0.1; done
sleep 1   # "Capturing on" comes a moment before the first packet is
expect "status" "$(status_of "$(metadata instance/service-accounts/default/token)")" 200
sleep 1
kill -INT "$capture"; wait "$capture" || true

read_capture() { tshark -r "$pcap" -d "tcp.port==$metadata,http" -d "tcp.port==$apiserver,http" -d "tcp.port==$sts,http" -d "tcp.port==$iam,http" "$@" 2>/dev/null; }

say "the HTTP requests of the relay"
requests=$(read_capture -Y http.request -T fields -e tcp.dstport -e http.request.method -e http.request.uri)
echo "$requests"
expect_in "the pod's request" "$requests" "$metadata	GET	/computeMetadata/v1/instance/service-accounts/default/token"
expect_in "the TokenRequest" "$requests" "$apiserver	POST	/api/v1/namespaces/demo/serviceaccounts/test-ksa/token"
expect_in "STS's token exchange" "$requests" "$sts	POST	/v1/token"
expect_in "IAM's generateAccessToken" "$requests" "$iam	POST	/v1/projects/-/serviceAccounts/$GSA:generateAccessToken"

say "in clear: the KSA token in the API server's answer and STS's request, the federated token as IAM's bearer"
minted=$(read_capture -Y "tcp.srcport == $apiserver && http.response.code == 201" -T fields -e http.file_data)
expect_in "the TokenRequest's answer" "$minted" '"token":"eyJ'

exchange=$(read_capture -Y "http.request.uri == \"/v1/token\"" -T fields -e http.file_data)
expect_in "the exchange's body" "$exchange" '"subjectToken":"eyJ'
bearer=$(read_capture -Y "tcp.dstport == $iam && http.request.method == \"POST\"" -T fields -e http.authorization)
expect_in "IAM's Authorization header" "$bearer" "Bearer ya29.d."
answer=$(read_capture -Y "tcp.srcport == $iam && http.response" -T fields -e http.file_data)
expect_in "IAM's answer" "$answer" '"accessToken":"ya29.c.'

say "and the GSA's token handed to the pod, as the article's Wireshark capture shows it"
handed=$(read_capture -Y "tcp.srcport == $metadata && http.response.code == 200" -T fields -e http.file_data)
expect_in "the metadata server's answer" "$handed" '"access_token":"ya29.c.'
