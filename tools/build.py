"""Builds the packages a school installs: the frozen program (PyInstaller, one folder, no Python needed on
the target) and, on Linux, a .deb for 统信 UOS, 银河麒麟, Debian and Ubuntu.

    .venv/bin/pip install -e '.[build]'       # PyInstaller, and markdown for the manual
    .venv/bin/python tools/build.py freeze        # dist/schoolaid/ (the same spec on Windows)
    .venv/bin/python tools/build.py deb           # freeze, then dist/schoolaid_VERSION_amd64.deb
    .venv/bin/python tools/build.py deb --reuse   # package the folder already frozen

The .deb installs the folder under /opt/schoolaid, a `schoolaid` command on PATH, a desktop entry in
Chinese (校助, Office/Education), the icon at every size, and the MIME type of a backup (.sabk) so that a
backup double-clicked opens the read-only view. Prints the package's size: the aim is under 150 MB."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
FROZEN = DIST / "schoolaid"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# What the frozen Qt needs from the system that the wheel does not carry: the X11/XCB libraries the xcb
# platform plugin loads (Qt 6.5+ needs libxcb-cursor0), OpenGL and the fonts' configuration. Debian, Ubuntu,
# UOS and Kylin name them alike.
DEPENDS = ("libc6 (>= 2.28), libegl1, libgl1, libfontconfig1, libfreetype6, libglib2.0-0, libdbus-1-3, "
           "libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, "
           "libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1")


def version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from schoolaid import __version__

    return __version__


def manual() -> Path:
    """The user manual (HTML and PDF, its screenshots taken from the window on the demo township) built into
    resources/manual, where the frozen program and 帮助 → 用户手册 find it."""
    out = ROOT / "resources" / "manual"
    subprocess.run([sys.executable, str(ROOT / "tools" / "manual.py"), "all", "--out", str(out)], check=True, cwd=ROOT,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if not (out / "manual.html").is_file() or not (out / "manual.pdf").is_file():
        raise SystemExit("the manual was not built (tools/manual.py all)")
    return out


def freeze() -> Path:
    """The one-folder program in dist/schoolaid, built from packaging/schoolaid.spec, with the manual."""
    manual()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(PACKAGING / "schoolaid.spec")], check=True, cwd=ROOT)
    print(f"frozen: {FROZEN} ({folder_size(FROZEN) / 1e6:.0f} MB)")
    return FROZEN


def deb(frozen: Path) -> Path:
    """dist/schoolaid_VERSION_amd64.deb from the frozen folder (dpkg-deb, files owned by root)."""
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb is needed to build the .deb (Debian package dpkg)")
    if not (frozen / "schoolaid").is_file():
        raise SystemExit(f"{frozen} holds no frozen program: run `tools/build.py freeze` first")
    stage = ROOT / "build" / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(frozen, stage / "opt" / "schoolaid", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "schoolaid").symlink_to("/opt/schoolaid/schoolaid")
    share = stage / "usr" / "share"
    _copy(PACKAGING / "linux" / "schoolaid.desktop", share / "applications" / "schoolaid.desktop")
    _copy(PACKAGING / "linux" / "schoolaid-mime.xml", share / "mime" / "packages" / "schoolaid.xml")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        _copy(icons / f"schoolaid-{size}.png", share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "schoolaid.png")
    _copy(icons / "schoolaid.svg", share / "icons" / "hicolor" / "scalable" / "apps" / "schoolaid.svg")
    _copy(ROOT / "resources" / "fonts" / "README.md", share / "doc" / "schoolaid" / "fonts.md")
    control = stage / "DEBIAN"
    control.mkdir()
    installed_kb = folder_size(stage) // 1024
    (control / "control").write_text(
        f"Package: schoolaid\nVersion: {version()}\nSection: education\nPriority: optional\n"
        f"Architecture: {_architecture()}\nInstalled-Size: {installed_kb}\nDepends: {DEPENDS}\n"
        "Maintainer: SchoolAid <schoolaid@localhost>\n"
        "Description: 校助 SchoolAid - education aid records of a township central school\n"
        " The student roster, household pairing, subsidy ledger and dropout case files\n"
        " (控辍保学) of a township central school and its village schools, in Chinese.\n"
        " Works without a network; the data stays on the PC.\n", encoding="utf-8")
    for script, body in (("postinst", _REFRESH), ("postrm", _REFRESH)):
        path = control / script
        path.write_text(body, encoding="utf-8")
        path.chmod(0o755)
    out = DIST / f"schoolaid_{version()}_{_architecture()}.deb"
    out.unlink(missing_ok=True)
    # gzip: every dpkg reads it (UOS 20 and Kylin V10 carry dpkg 1.19, before zstd), and it takes seconds
    # where xz takes minutes on a 2-core machine for a package a fifth smaller.
    subprocess.run(["fakeroot", "dpkg-deb", "--build", "-Zgzip", str(stage), str(out)]
                   if shutil.which("fakeroot") else ["dpkg-deb", "--root-owner-group", "--build", "-Zgzip",
                                                     str(stage), str(out)], check=True)
    print(f"package: {out} ({out.stat().st_size / 1e6:.0f} MB; aim under 150 MB)")
    return out


# The desktop's caches of icons, MIME types and desktop entries, refreshed where the tools exist (dpkg's
# triggers do it too on Debian; some desktops' images lack them).
_REFRESH = """#!/bin/sh
set -e
command -v update-mime-database >/dev/null 2>&1 && update-mime-database /usr/share/mime || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
"""


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    target.chmod(0o644)


def _architecture() -> str:
    return {"x86_64": "amd64", "aarch64": "arm64", "loongarch64": "loong64"}.get(platform.machine(), platform.machine())


def folder_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("freeze", "deb"))
    parser.add_argument("--reuse", action="store_true", help="package dist/schoolaid as it is (deb only)")
    args = parser.parse_args()
    os.chdir(ROOT)
    if args.what == "freeze":
        freeze()
    else:
        deb(FROZEN if args.reuse else freeze())


if __name__ == "__main__":
    main()
