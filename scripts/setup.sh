#!/usr/bin/env bash
# Installs what ReviewPack needs beyond the Swift toolchain, only when it is missing:
# cairo and pango (headers for the build), libcurl (sending e-mail over SMTP), libxml2
# (reading .xlsx worksheets), Noto Sans
# CJK (Chinese text), and for the tests: poppler-utils (PDFs read back with pdffonts /
# pdftotext), python3-aiosmtpd (a real SMTP server on loopback), openssl (its throwaway
# certificate) and chromium (the browser test opens the sample site in it, headless, over
# the DevTools protocol, and takes a screenshot of the e-mail's HTML).
set -euo pipefail

missing=()
pkg-config --exists cairo pangocairo 2>/dev/null || missing+=(pkg-config libcairo2-dev libpango1.0-dev)
pkg-config --exists libcurl 2>/dev/null || missing+=(pkg-config libcurl4-openssl-dev)
pkg-config --exists libxml-2.0 2>/dev/null || missing+=(pkg-config libxml2-dev)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk fontconfig)
command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/bin/time ] || missing+=(time)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3 python3-aiosmtpd)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "setup: the Swift 6 toolchain is not on PATH (https://swift.org/install)" >&2; exit 1; }
