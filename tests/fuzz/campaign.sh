#!/usr/bin/env bash
# A long fuzzing run: TARGET for MINUTES, restarting libFuzzer after each finding (atheris does
# not support -fork). It works on a copy of tests/fuzz/corpus/TARGET in WORK (default
# /tmp/wikirecover-fuzz/TARGET); findings (crash-*, timeout-*, oom-*) and the log land there too.
# At the end the inputs that reach new code are merged into tests/fuzz/corpus/TARGET.
# Usage: bash tests/fuzz/campaign.sh TARGET MINUTES [WORK]
set -uo pipefail
target=$1 minutes=$2
work=${3:-/tmp/wikirecover-fuzz/$target}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/corpus"
cp -n "$here/corpus/$target"/* "$work/corpus/" 2>/dev/null
end=$(( $(date +%s) + minutes * 60 ))
runs=0
while [ "$(date +%s)" -lt "$end" ]; do
  left=$(( end - $(date +%s) ))
  runs=$((runs + 1))
  python "$here/fuzz_$target.py" -max_total_time="$left" -timeout=20 -rss_limit_mb=2048 \
    -max_len=8192 -artifact_prefix="$work/" "$work/corpus" >>"$work/log" 2>&1
done
python "$here/fuzz_$target.py" -merge=1 "$here/corpus/$target" "$work/corpus" >>"$work/log" 2>&1
findings=$(find "$work" -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'timeout-*' -o -maxdepth 1 -name 'oom-*' | wc -l)
echo "$target: $minutes min, $runs libFuzzer runs, $findings findings in $work"
