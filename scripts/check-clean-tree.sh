#!/usr/bin/env bash
# After `npm test` (or `npm start`) on a clean clone: the run left the repository as it found it.
# Allowed: the ignored build and data folders below. Anything else — an untracked or changed file, another
# ignored path, an empty folder (git does not list those: miniprogram-ci used to leave md5-named ones) — fails.
set -euo pipefail
cd "$(dirname "$0")/.."

ALLOWED='^!! (node_modules|miniprogram/miniprogram_npm|dist|\.data|test-results|coverage)/$'
leftovers="$(git status --porcelain --ignored | grep -vE "$ALLOWED" || true)"
empty="$(find . \( -path ./.git -o -path ./node_modules -o -path ./dist -o -path ./.data \) -prune -o -type d -empty -print)"

if [ -n "$leftovers$empty" ]; then
  echo "check-clean-tree: the run left the repository changed:"
  [ -n "$leftovers" ] && echo "$leftovers"
  [ -n "$empty" ] && echo "$empty" | sed 's/^/empty folder: /'
  exit 1
fi
echo "check-clean-tree: nothing left behind"
