#!/usr/bin/env bash
# clang-tidy over engine/ and net/ sources with the root .clang-tidy (every
# finding is an error). Needs a configured build (compile_commands.json):
#   scripts/check-tidy.sh [build-dir]
set -uo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
command -v clang-tidy >/dev/null || { echo "check-tidy: clang-tidy not installed (scripts/setup.sh)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] || { echo "check-tidy: no $build/compile_commands.json (configure first)" >&2; exit 2; }
# Two at a time: the shared build machines have 2 cores (FOH_TIDY_JOBS to change).
jobs="${FOH_TIDY_JOBS:-2}"
git ls-files 'engine/*.cpp' 'net/*.cpp' |
  xargs -P "$jobs" -n 1 clang-tidy -p "$build" --quiet --warnings-as-errors='*' > "$build/tidy.log" 2>&1
rc=$?
grep -E "(warning|error):" "$build/tidy.log" | sort -u >&2
if [ $rc -ne 0 ]; then
  echo "check-tidy: findings above (full output in $build/tidy.log)" >&2
  exit 1
fi
echo "check-tidy: engine/ and net/ are clean"
