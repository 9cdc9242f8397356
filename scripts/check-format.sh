#!/usr/bin/env bash
# Fails, naming the files, when a tracked .cpp/.hpp does not match the root
# .clang-format. Fix with: clang-format -i <file>
set -uo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format not installed (scripts/setup.sh)" >&2; exit 2; }
# One clang-format for every file (a process per file takes a minute on 2 cores);
# its "file:line:col: error:" lines name the files that differ.
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' | while IFS= read -r f; do [ -f "$f" ] && echo "$f"; done)
mapfile -t bad < <(clang-format --dry-run --Werror "${files[@]}" 2>&1 >/dev/null |
                   sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error:.*/\1/p' | sort -u)
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: ${#bad[@]} file(s) do not match .clang-format (clang-format -i to fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: every tracked .cpp/.hpp matches .clang-format"
