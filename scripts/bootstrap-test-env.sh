#!/usr/bin/env bash
# Makes sure the browser tests have what they need: Debian's Chromium and real CJK fonts.
# Installs them with apt when missing and we run as root; otherwise says exactly what to run.
set -euo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装浏览器测试所需的软件包 / Installing packages for the browser tests: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
  exit 0
fi

cat >&2 <<MSG
浏览器测试需要 Debian 的 Chromium 和中文字体，但本机缺少：${missing[*]}
请以 root 身份运行：
  apt-get update && apt-get install -y ${missing[*]}
然后重新运行 npm test。

The browser tests need Debian's Chromium and CJK fonts; missing: ${missing[*]}
Run as root:
  apt-get update && apt-get install -y ${missing[*]}
then run npm test again.
MSG
exit 1
