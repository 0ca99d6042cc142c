#!/usr/bin/env bash
# The API figures of docs/benchmarks.md ("## API"): wrk on loopback against a server on the bundled index.
# Usage: docs/bench/api-bench.sh [PORT]   (a server must be serving the bundled index on PORT, default 7813)
set -euo pipefail
cd "$(dirname "$0")"
PORT="${1:-7813}"
URL="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "api-bench: wrk not found (apt-get install wrk)" >&2; exit 1; }
export DOIS_FILE="${DOIS_FILE:-/tmp/dois500.json}"
# 500 distinct cited DOIs the index knows, for the batch route
curl -s "$URL/api/export?format=jsonl" | python3 -c '
import json, sys
seen = []
for line in sys.stdin:
    d = json.loads(line)["cited"].get("doi")
    if d and d not in seen:
        seen.append(d)
print(json.dumps(seen[:500]))' > "$DOIS_FILE"
T="$URL/api/tallies/10.1006/meth.2001.1262"
wrk -t1 -c8 -d10s "$T" >/dev/null   # warm-up
echo "== GET /api/tallies/{doi}, 32 connections";  wrk -t2 -c32 -d20s --latency "$T" | grep -E "Requests/sec|50%|99%"
echo "== GET /api/tallies/{doi}, 8 connections";   wrk -t1 -c8 -d20s --latency "$T" | grep -E "Requests/sec|50%|99%"
echo "== POST /api/tallies, 500 DOIs";              wrk -t2 -c8 -d20s -s post500.lua "$URL/api/tallies" | grep -E "Requests/sec|^p"
echo "== GET /api/search, 1 connection";            wrk -t1 -c1 -d15s -s search.lua "$URL" | grep -E "Requests/sec|^p"
echo "== GET /api/search, 4 connections";           wrk -t2 -c4 -d15s -s search.lua "$URL" | grep -E "Requests/sec|^p"
for f in jsonl csv; do
  echo "== export $f"; curl -s -o /dev/null -w "%{size_download} bytes in %{time_total} s\n" "$URL/api/export?format=$f"
done
