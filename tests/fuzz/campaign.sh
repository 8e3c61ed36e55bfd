#!/usr/bin/env bash
# A long fuzzing run: TARGET for MINUTES, restarting libFuzzer after each finding (atheris does
# not support -fork). Findings land in FINDINGS (default /tmp/wikirecover-fuzz/TARGET/); the
# corpus it grows is tests/fuzz/corpus/TARGET (minimise it with -merge=1 before committing).
# Usage: bash tests/fuzz/campaign.sh TARGET MINUTES [FINDINGS]
set -uo pipefail
target=$1 minutes=$2
findings=${3:-/tmp/wikirecover-fuzz/$target}
here=$(dirname "$0")
mkdir -p "$findings"
end=$(( $(date +%s) + minutes * 60 ))
runs=0
while [ "$(date +%s)" -lt "$end" ]; do
  left=$(( end - $(date +%s) ))
  runs=$((runs + 1))
  python "$here/fuzz.py" "$target" -max_total_time="$left" -timeout=20 -rss_limit_mb=2048 \
    -max_len=8192 -artifact_prefix="$findings/" "$here/corpus/$target" \
    >>"$findings/log" 2>&1
done
echo "$target: $minutes min, $runs libFuzzer runs, $(ls "$findings" | grep -c -v '^log$') findings in $findings"
