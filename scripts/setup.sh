#!/usr/bin/env bash
# Installs what ReviewPack needs beyond the Swift toolchain, only when it is missing:
# cairo and pango (headers for the build), libcurl (sending e-mail over SMTP), libxml2
# (reading .xlsx worksheets), libsqlite3 and libpq (the database sources), Noto Sans
# CJK (Chinese text), and for the tests: poppler-utils (PDFs read back with pdffonts /
# pdftotext), postgresql (a private server the database tests start on loopback),
# python3-aiosmtpd (a real SMTP server on loopback), openssl (its throwaway
# certificate) and chromium (the browser test opens the sample site in it, headless, over
# the DevTools protocol, and takes a screenshot of the e-mail's HTML).
set -euo pipefail

missing=()
pkg-config --exists cairo pangocairo 2>/dev/null || missing+=(pkg-config libcairo2-dev libpango1.0-dev)
pkg-config --exists libcurl 2>/dev/null || missing+=(pkg-config libcurl4-openssl-dev)
pkg-config --exists libxml-2.0 2>/dev/null || missing+=(pkg-config libxml2-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(pkg-config libsqlite3-dev)
pkg-config --exists libpq 2>/dev/null || missing+=(pkg-config libpq-dev)
pkg-config --exists zlib 2>/dev/null || missing+=(pkg-config zlib1g-dev)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
# grep reads the whole list: with -q it would stop early and, under pipefail, fc-list's broken pipe would count as missing.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk fontconfig)
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
  # The tests start their own PostgreSQL: the package is not to create and start a server of its own.
  if [[ " ${missing[*]} " == *" postgresql "* ]] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    $sudo mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "setup: the Swift 6 toolchain is not on PATH (https://swift.org/install)" >&2; exit 1; }
