#!/usr/bin/env bash
# Measures what docs/benchmarks.md reports for storage: the upload and download throughput of a large
# object through the storage server (on disk under .wisim/storage), next to the raw disk speed of the
# same file system (dd). Uses curl and dd; the default ports; RUNS times each.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
MIB="${MIB:-96}"

./wisim down >/dev/null
./wisim up -d >/dev/null
set -a; . .wisim/stack.env; set +a
ADMIN="Authorization: Bearer $(cat "$WISIM_ADMIN_TOKEN_FILE")"
FILE=.wisim/bench-object.bin
head -c "$((MIB * 1024 * 1024))" /dev/urandom > "$FILE"

echo "== raw disk: write $MIB MiB with fsync, read it back uncached (dd) =="
for i in $(seq "$RUNS"); do
  dd if="$FILE" of=.wisim/bench-dd.bin bs=1M conv=fsync 2>&1 | tail -1
done
for i in $(seq "$RUNS"); do
  dd if=.wisim/bench-dd.bin of=/dev/null bs=1M iflag=direct 2>&1 | tail -1
done
rm -f .wisim/bench-dd.bin

echo "== upload $MIB MiB (uploadType=media), download it (alt=media) =="
for i in $(seq "$RUNS"); do
  up=$(curl -s -o /dev/null -w '%{time_total} %{http_code}' -X POST -H "$ADMIN" -H 'Content-Type: application/octet-stream' \
    --data-binary @"$FILE" "$WISIM_STORAGE_URL/upload/storage/v1/b/demo-bucket/o?uploadType=media&name=bench.bin")
  down=$(curl -s -o /dev/null -w '%{time_total} %{http_code}' -H "$ADMIN" \
    "$WISIM_STORAGE_URL/download/storage/v1/b/demo-bucket/o/bench.bin?alt=media")
  echo "upload: ${up% *} s (HTTP ${up#* }) = $(echo "$MIB / ${up% *}" | bc -l | cut -c1-6) MiB/s;" \
       "download: ${down% *} s (HTTP ${down#* }) = $(echo "$MIB / ${down% *}" | bc -l | cut -c1-6) MiB/s"
done
rm -f "$FILE"
./wisim down >/dev/null
