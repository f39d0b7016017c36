#!/usr/bin/env bash
# Install VictimCare into ./.venv on a Debian-based machine, then run it or its tests.
#   bash tools/bootstrap.sh run [victimcare options]   install, then start the app
#   bash tools/bootstrap.sh test [pytest options]      install with test extras, then run the tests
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"; shift || true

# Qt's xcb/offscreen platforms need these shared libraries; pdffonts/pdftoppm are used by PDF tests.
debs=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxkbcommon-x11-0 libxkbcommon0
      libegl1 libgl1 libfontconfig1 libdbus-1-3 dbus-daemon dbus-bin poppler-utils)
# The installer tests (tests/packaging): the .deb's other Depends (dpkg -i checks them), patchelf and lintian
# for build_deb.sh, nsis's makensis for the Windows installer script.
[ "$mode" = test ] && debs+=(libwayland-cursor0 libwayland-egl1 libcups2 libgssapi-krb5-2 patchelf lintian nsis)
missing=()
for p in "${debs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
extra=""; [ "$mode" = test ] && extra="[test]"
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".${extra}"

case "$mode" in
  run)  exec .venv/bin/victimcare "$@" ;;
  test) exec .venv/bin/python -m pytest "$@" ;;
  *)    echo "usage: bash tools/bootstrap.sh run|test" >&2; exit 2 ;;
esac
