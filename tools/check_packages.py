"""The packages checked end to end, as CI does after the tests: the frozen program, then the .deb installed
with dpkg (and apt-get for what it depends on), run from PATH, then removed.

    .venv/bin/python tools/check_packages.py            # build (tools/build.py deb), check both, as root
    .venv/bin/python tools/check_packages.py --reuse    # check the folder and .deb already built
    .venv/bin/python tools/check_packages.py --frozen-only

Each run of the program is checked for its exit code and what it says: `--version`, a demo township,
the roster exported to a workbook and imported into a second township, a notice printed (its text read
back from the PDF), a backup exported and verified, and the window drawn to its first paint offscreen
(SCHOOLAID_CHECK_FIRST_PAINT). A missing data file or hidden import fails here, not at a school."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import build  # noqa: E402


def run(program: Path | str, *args: str, home: Path, expect: str = "", env: dict[str, str] | None = None) -> str:
    """The program run as a user would (its own HOME, offscreen); fails on an exit code or a missing word."""
    environment = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "zh_CN.UTF-8",
                   "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"), **(env or {})}
    environment.pop("PYTHONPATH", None)  # the frozen program must need nothing from here
    done = subprocess.run([str(program), *args], capture_output=True, text=True, env=environment, timeout=300,
                          check=False)
    said = done.stdout + done.stderr
    if done.returncode != 0 or expect not in said:
        raise SystemExit(f"FAILED: {program} {' '.join(args)} (exit {done.returncode}; expected {expect!r})\n{said}")
    print(f"ok   {Path(str(program)).name} {' '.join(args)[:70]}")
    return said


def check(program: Path | str) -> None:
    with tempfile.TemporaryDirectory(prefix="schoolaid-package-check-") as scratch:
        folder = Path(scratch)
        home = folder / "home"
        home.mkdir()
        first, second = folder / "township.sqlite", folder / "second.sqlite"
        run(program, "--version", home=home, expect=f"SchoolAid {build.version()}")
        shipped = Path(os.path.realpath(program)).parent / "_internal" / "schoolaid" / "resources" / "manual"
        if not (shipped / "manual.html").is_file() or not (shipped / "manual.pdf").is_file():
            raise SystemExit(f"FAILED: the manual is not in the package ({shipped})")
        run(program, "demo", "--db", str(first), home=home, expect="1500")
        run(program, "demo", "--db", str(second), home=home, expect="1500")
        run(program, "roster", "export", str(folder / "roster.xlsx"), "--db", str(first), home=home, expect="1500")
        run(program, "roster", "import", str(folder / "roster.xlsx"), "--db", str(second), "--json", home=home,
            expect='"unchanged": 1500')
        run(program, "print", "notice", "2", "--db", str(first), "--out", str(folder / "notice.pdf"), home=home)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(folder / "notice.pdf"), "-"], capture_output=True, text=True,
                                  check=True).stdout
            if "敦促入学通知书" not in text:
                raise SystemExit(f"FAILED: the printed notice does not read back: {text[:200]!r}")
        (folder / "password").write_text("a password for the check", encoding="utf-8")
        backup = folder / "township.sabk"
        run(program, "backup", "export", "--db", str(first), "--out", str(backup), "--password-file",
            str(folder / "password"), home=home, expect="1500")
        run(program, "backup", "verify", str(backup), "--password-file", str(folder / "password"), home=home,
            expect="✓")
        said = run(program, "--db", str(first), home=home, expect="painted",
                   env={"SCHOOLAID_CHECK_FIRST_PAINT": "1"})
        if "«»" in said or "font" not in said:
            raise SystemExit(f"FAILED: the first window has no title or font: {said}")
        print("     " + next(line for line in said.splitlines() if line.startswith("painted")))


def install_deb(package: Path) -> None:
    subprocess.run(["dpkg", "-i", str(package)], check=False)  # may stop at missing dependencies
    subprocess.run(["apt-get", "-f", "install", "-y", "-qq"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "schoolaid"], capture_output=True, text=True,
                            check=True).stdout
    if status != "install ok installed":
        raise SystemExit(f"FAILED: the .deb is not installed: {status}")
    for path in ("/usr/share/applications/schoolaid.desktop", "/usr/share/mime/packages/schoolaid.xml",
                 "/usr/share/icons/hicolor/16x16/apps/schoolaid.png", "/opt/schoolaid/schoolaid"):
        if not Path(path).exists():
            raise SystemExit(f"FAILED: the .deb did not install {path}")
    print("ok   installed", package.name, f"({package.stat().st_size / 1e6:.0f} MB)")


def remove_deb() -> None:
    subprocess.run(["dpkg", "--purge", "schoolaid"], check=True)
    if Path("/opt/schoolaid").exists() or shutil.which("schoolaid") == "/usr/bin/schoolaid":
        raise SystemExit("FAILED: removing the .deb left /opt/schoolaid or the command behind")
    print("ok   removed")


def check_nsis() -> None:
    """The Windows installer script compiled by makensis (Debian's nsis) around a stand-in program: its
    syntax, its pages, its Chinese strings and its icon, all that can be checked away from Windows."""
    if shutil.which("makensis") is None:
        raise SystemExit("makensis is needed to check the Windows installer script (Debian package nsis)")
    with tempfile.TemporaryDirectory(prefix="schoolaid-nsis-") as scratch:
        stand_in = Path(scratch) / "schoolaid"
        stand_in.mkdir()
        (stand_in / "schoolaid.exe").write_bytes(b"stand-in")
        installer = Path(scratch) / "schoolaid-setup.exe"
        subprocess.run(["makensis", "-V2", f"-DVERSION={build.version()}", f"-DSOURCE={stand_in}",
                        f"-DOUTFILE={installer}", "schoolaid.nsi"], cwd=ROOT / "packaging" / "windows", check=True)
        if not installer.is_file() or installer.stat().st_size < 50_000:
            raise SystemExit("FAILED: makensis wrote no installer")
    print("ok   the Windows installer script compiles (makensis)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="check what dist/ holds, without building")
    parser.add_argument("--frozen-only", action="store_true", help="the frozen folder only, no .deb")
    parser.add_argument("--nsis", action="store_true", help="also compile the Windows installer script")
    args = parser.parse_args()
    if args.nsis:
        check_nsis()
    if args.frozen_only:
        frozen = build.FROZEN if args.reuse else build.freeze()
        check(frozen / "schoolaid")
        return
    package = next(iter(sorted(build.DIST.glob("schoolaid_*.deb"))), None) if args.reuse else None
    if package is None:
        package = build.deb(build.FROZEN if args.reuse else build.freeze())
    check(build.FROZEN / "schoolaid")
    install_deb(package)
    try:
        check("/usr/bin/schoolaid")
    finally:
        remove_deb()
    print(f"packages checked: {package.name}, {package.stat().st_size / 1e6:.0f} MB (aim under 150 MB)")


if __name__ == "__main__":
    main()
