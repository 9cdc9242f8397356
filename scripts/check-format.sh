#!/usr/bin/env bash
# Fails, naming the files, when a tracked .cpp/.hpp does not match the root
# .clang-format. Fix with: clang-format -i <file>
set -uo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format not installed (scripts/setup.sh)" >&2; exit 2; }
bad=()
while IFS= read -r f; do
  [ -f "$f" ] || continue  # deleted in the work tree, not yet committed
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(git ls-files '*.cpp' '*.hpp')
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: ${#bad[@]} file(s) do not match .clang-format (clang-format -i to fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: every tracked .cpp/.hpp matches .clang-format"
