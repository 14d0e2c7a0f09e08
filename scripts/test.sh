#!/usr/bin/env bash
# Install what the tests need (Python packages, Debian's Chromium for the browser tests, nginx for the replica test)
# and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# nginx lives in /usr/sbin, which a normal user's PATH may lack.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto sans cjk" \
    || ! { command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk nginx >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium fonts-noto-cjk nginx >/dev/null
  fi
fi
python3 -m pip install -q -r requirements-dev.txt
python3 -m pytest -q "$@"
