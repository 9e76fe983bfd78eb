#!/bin/sh
# A whole-job bench case: runs `node bin/lei.js <arguments> --json` under /usr/bin/time, fails unless the run ended
# with the expected status (published: everything computed and written; unchanged: nothing to do), and prints the
# process's peak resident memory as the BENCH line scripts/bench.ts reads.
# Usage: sh scripts/bench/time-lei.sh <published|unchanged> <lei arguments…>
set -eu
expected=$1
shift
peak=$(mktemp)
code=0
out=$(/usr/bin/time -f %M -o "$peak" node bin/lei.js "$@" --json) || code=$?
# 0: done; 2: done, with some input not adopted (see issues.csv). Anything else is a failed run.
if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then
  echo "$out" >&2
  cat "$peak" >&2
  rm -f "$peak"
  exit 1
fi
case "$out" in
  *"\"status\":\"$expected\""*) ;;
  *)
    echo "time-lei: expected status \"$expected\", got: $out" >&2
    rm -f "$peak"
    exit 1
    ;;
esac
echo "BENCH {\"peakMb\":$(tail -n 1 "$peak" | awk '{ printf "%.1f", $1 / 1024 }')}"
rm -f "$peak"
