#!/usr/bin/env bash
# Build the VictimCare .deb for deb-based Linux (Debian, UOS, Kylin):
#   bash installer/build_deb.sh [--bundle DIR] [--out DIR] [--python PY]
# 1. PyInstaller onedir bundle from installer/victimcare.spec (skipped with --bundle: an existing bundle),
# 2. the frozen self-check on it (offscreen): no package is made from a bundle that does not work,
# 3. dpkg-deb: the bundle under /opt/victimcare, /usr/bin/victimcare, a .desktop entry with the Chinese name
#    and the icon, Depends on the system libraries the bundle uses, changelog and copyright.
# --fast compresses with gzip instead of xz (the tests' build: a quarter of the time, a larger file).
# Prints the path of the .deb on its last line. Needs: python with the project and pyinstaller, dpkg-deb,
# patchelf (Debian packages dpkg, patchelf).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/dist"
bundle=""
python="${PYTHON:-$root/.venv/bin/python}"
compression=(-Zxz)
maintainer="${DEB_MAINTAINER:-VictimCare maintainers <victimcare@example.org>}"
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    --fast) compression=(-Zgzip -z6); shift ;;
    *) echo "用法：bash installer/build_deb.sh [--bundle 目录] [--out 目录] [--python 解释器] [--fast]" >&2; exit 2 ;;
  esac
done
command -v dpkg-deb >/dev/null || { echo "缺少 dpkg-deb（Debian 软件包 dpkg）" >&2; exit 1; }
command -v patchelf >/dev/null || { echo "缺少 patchelf（Debian 软件包 patchelf）" >&2; exit 1; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"
version="$("$python" "$root/installer/version.py")"
arch="$(dpkg --print-architecture)"
work="$(mktemp -d "${TMPDIR:-/tmp}/victimcare-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ -z "$bundle" ]; then
  "$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$work/dist" --workpath "$work/build" \
    "$root/installer/victimcare.spec" >&2
  bundle="$work/dist/victimcare"
fi
[ -x "$bundle/victimcare" ] || { echo "找不到可执行的程序包：$bundle/victimcare" >&2; exit 1; }
frozen_version="$("$bundle/victimcare" --version)"
[ "$frozen_version" = "VictimCare $version" ] || { echo "程序包版本（$frozen_version）与 pyproject.toml（$version）不一致" >&2; exit 1; }
check="$(cd "$work" && QT_QPA_PLATFORM=offscreen "$bundle/victimcare" --self-check 2>"$work/self-check.err")" || true
if [ "$check" != "OK" ]; then
  echo "冻结程序自检未通过：" >&2; cat "$work/self-check.err" >&2; exit 1
fi

pkg="$work/pkg"
install -d "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" "$pkg/usr/share/doc/victimcare" \
  "$pkg/usr/share/icons/hicolor/256x256/apps" "$pkg/usr/share/icons/hicolor/scalable/apps" \
  "$pkg/usr/share/lintian/overrides" "$pkg/DEBIAN"
cp -a "$bundle" "$pkg/opt/victimcare"
# Python's own modules keep the build machine's library path (RUNPATH /root/.pyenv/…): a path that does
# not exist on the user's PC, where the bundle finds its libraries itself. Only $ORIGIN-relative ones stay.
while IFS= read -r -d '' elf; do
  rpath="$(patchelf --print-rpath "$elf" 2>/dev/null)" || continue
  if [ -n "$rpath" ] && [[ "$rpath" != '$ORIGIN'* ]]; then patchelf --remove-rpath "$elf"; fi
done < <(find "$pkg/opt/victimcare" -type f -name '*.so*' -print0)

cat >"$pkg/usr/bin/victimcare" <<'EOF'
#!/bin/sh
# VictimCare is installed as one folder in /opt/victimcare (its own Python and Qt).
exec /opt/victimcare/victimcare "$@"
EOF

cat >"$pkg/usr/share/applications/victimcare.desktop" <<'EOF'
[Desktop Entry]
Type=Application
Version=1.5
Name=VictimCare
Name[zh_CN]=被拐卖受害人救助个案管理
GenericName=Casework for rescued victims of trafficking
GenericName[zh_CN]=救助个案管理
Comment=Offline, encrypted casework for rescued victims of human trafficking
Comment[zh_CN]=离线、加密的被拐卖受害人救助个案管理系统
Exec=victimcare
Icon=victimcare
Terminal=false
Categories=Office;
Keywords=casework;trafficking;个案;救助;
StartupWMClass=victimcare
EOF

cp "$root/resources/icons/victimcare.png" "$pkg/usr/share/icons/hicolor/256x256/apps/victimcare.png"
cp "$root/resources/icons/victimcare.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/victimcare.svg"

date_rfc="$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}")"
cat >"$work/changelog.Debian" <<EOF
victimcare ($version) stable; urgency=medium

  * VictimCare $version: see the project's README for what this release brings.

 -- $maintainer  $date_rfc
EOF
gzip -9nc "$work/changelog.Debian" >"$pkg/usr/share/doc/victimcare/changelog.gz"  # a native package

{
  cat <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: VictimCare
Comment: The bundle in /opt/victimcare also carries Python, Qt (PySide6, LGPL-3.0) and the Python libraries
 listed in /opt/victimcare/_internal/licenses/LICENSES.txt, each with its licence text beside it.

Files: *
Copyright: 2026 VictimCare maintainers
License: proprietary
 VictimCare is licensed to the county offices that use it; not for redistribution.

Files: opt/victimcare/_internal/victimcare/resources/fonts/*
Copyright: the font authors named in each LICENSE file
License: various-font-licences
 WenQuanYi Micro Hei: Apache-2.0 or GPL-3+ with the font exception; HanaMin: OFL-1.1 or the Hanazono
 licence; other bundled fonts as their LICENSE file beside them says.
EOF
} >"$pkg/usr/share/doc/victimcare/copyright"

# A self-contained application folder in /opt, with its own copies of Python and Qt, as intended.
cat >"$pkg/usr/share/lintian/overrides/victimcare" <<'EOF'
victimcare: dir-or-file-in-opt [opt/victimcare/*]
victimcare: embedded-library *
victimcare: unstripped-binary-or-object *
victimcare: shared-library-lacks-prerequisites *
victimcare: library-not-linked-against-libc *
victimcare: no-manual-page *
EOF

# The system libraries the bundle links against and does not carry (tests/packaging checks the list
# against the bundle's ELF files: every library it needs from outside belongs to one of these).
depends_list=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6 libx11-xcb1
  libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
  libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0 libwayland-client0 libwayland-cursor0 libwayland-egl1
  libcups2 libgssapi-krb5-2 libbrotli1 libzstd1)
glibc_floor="$(find "$pkg/opt/victimcare" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -1 | sed 's/GLIBC_//')"
depends="libc6 (>= ${glibc_floor:-2.34})$(printf ', %s' "${depends_list[@]}")"
installed_size="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
cat >"$pkg/DEBIAN/control" <<EOF
Package: victimcare
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: misc
Priority: optional
Description: offline encrypted casework for rescued victims of human trafficking
 VictimCare (被拐卖受害人救助个案管理系统) keeps the special case file of
 every rescued person for county rescue stations: intake, placement, family
 tracing, medical and legal aid, school placement, household registration,
 return and follow-up visits, with their deadlines.
 .
 Everything stays on this computer, encrypted per compartment (SQLCipher).
 The vault lives in each user's own data folder and is never touched by
 installing, upgrading or removing this package.
EOF

find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg" -type f -exec chmod 0644 {} +
chmod 0755 "$pkg/usr/bin/victimcare" "$pkg/opt/victimcare/victimcare"
find "$pkg/opt/victimcare" -type f -name '*.so*' -exec chmod 0644 {} +
deb="$out/victimcare_${version}_${arch}.deb"
dpkg-deb --root-owner-group "${compression[@]}" --build "$pkg" "$deb" >&2
echo "$deb"
