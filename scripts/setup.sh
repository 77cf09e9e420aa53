#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian/Ubuntu machine (or says what is missing):
#   - npm packages, exactly as locked (npm ci)
#   - Chromium and CJK fonts, for the browser preview, screenshots and the end-to-end tests
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
need_apt=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in chromium fonts-noto-cjk; do installed "$pkg" || need_apt+=("$pkg"); done
else
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    echo "setup: installing ${need_apt[*]} with apt-get"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install ${need_apt[*]} (Chromium at /usr/bin/chromium) for the preview and e2e tests" >&2
  fi
fi

if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "setup: node_modules is up to date"
else
  npm ci --no-audit --no-fund
fi
