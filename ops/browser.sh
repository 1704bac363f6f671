#!/usr/bin/env bash
# Installs the headless browser the console's end-to-end tests drive: Debian's `chromium` and
# `chromium-driver` (/usr/bin/chromium, /usr/bin/chromedriver), plus a small Chinese font
# (`fonts-wqy-microhei`) so that screenshots of the zh-CN console show characters, not boxes.
# Idempotent: does nothing when all are present. Installing needs root; otherwise it prints the
# command to run and fails.
# Usage: ops/browser.sh
set -euo pipefail

have() { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && have_font; }
have_font() { [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n1)" ]; }; }

if have; then
  echo "browser: chromium and chromedriver present ($(/usr/bin/chromedriver --version 2>/dev/null | head -n1))"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  cat >&2 <<'EOF'
browser: chromium, chromium-driver and/or a Chinese font are missing, and installing them needs root. Run:
  sudo apt-get update && sudo apt-get install -y chromium chromium-driver fonts-wqy-microhei
(or run ops/browser.sh as root), then run the tests again.
EOF
  exit 1
fi

command -v apt-get >/dev/null || { echo "browser: no apt-get here; install chromium and its chromedriver so that /usr/bin/chromium and /usr/bin/chromedriver exist" >&2; exit 1; }
echo "browser: installing chromium, chromium-driver and fonts-wqy-microhei from Debian's packages…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium chromium-driver fonts-wqy-microhei
have || { echo "browser: the packages installed but /usr/bin/chromium, /usr/bin/chromedriver or the Chinese font is still missing" >&2; exit 1; }
echo "browser: installed ($(/usr/bin/chromedriver --version 2>/dev/null | head -n1))"
