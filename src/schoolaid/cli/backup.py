"""schoolaid backup: export, verify, restore and describe encrypted backups (.sabk).

No abbreviated options here: "--password" must not quietly mean "--password-file"."""

from __future__ import annotations

import argparse
from pathlib import Path

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import (
    EXIT_OK,
    NOTHING,
    Group,
    Needs,
    command,
    db_option,
    json_option,
    operator_option,
    password_option,
    user_options,
)
from schoolaid.cli.session import clock_now, open_db, print_json, read_password
from schoolaid.common.i18n import translate

BACKUP = Group("backup", lambda: translate("Cli", "encrypted backups to carry to the township (.sabk)"))


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    parser.add_argument("--out", required=True, metavar="FILE", help=translate(
        "Cli", "the backup file, or a folder to put it in under the usual name"))
    password_option(parser)
    operator_option(parser)


@command(BACKUP, "export", help=lambda: translate("Cli", "export an encrypted backup of the database"),
         arguments=_export_arguments, needs=Needs(Permission.BACKUP), allow_abbrev=False)
def export_backup(args: argparse.Namespace) -> int:
    from schoolaid.backup import backup

    db = open_db(args)  # checks and upgrades the file; the export reads it through its own connection
    try:
        password = read_password(args.password_file)
        info = db.query(backup.export_backup, args.actor, args.out, password, now=clock_now())
        db.run(backup.record_export, args.actor, info)
    finally:
        db.close()
    print(translate("Cli", "Backup written to {path} ({size} bytes, {students} students). Keep the password: "
                           "without it the backup cannot be opened.").format(
        path=info.path, size=info.size, students=info.counts.get("students", 0)))
    return EXIT_OK


def _verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    password_option(parser)
    json_option(parser)


@command(BACKUP, "verify", help=lambda: translate("Cli", "decrypt a backup and check every part of it, writing nothing"),
         arguments=_verify_arguments, needs=NOTHING, allow_abbrev=False)
def verify_backup(args: argparse.Namespace) -> int:
    from schoolaid.backup import backup

    verification = backup.verify_backup(args.file, read_password(args.password_file))
    if args.json:
        return print_json({"file": str(args.file), "ok": True, **_info_json(verification.info),
                           "found": verification.counts})
    print(translate("Cli", "The backup is complete and sound: {school}, made {created}.").format(
        school=verification.info.school, created=verification.info.created.strftime("%Y-%m-%d %H:%M")))
    for check in verification.checks:
        print(f"  ✓ {check}")
    return EXIT_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--db", metavar="NEWPATH", type=Path, required=True, help=translate(
        "Cli", "the database file to restore into"))
    user_options(parser)
    password_option(parser)


@command(BACKUP, "restore", help=lambda: translate(
    "Cli", "restore a backup into a database file (a database already there is kept as a dated copy)"),
         arguments=_restore_arguments, needs=Needs(Permission.BACKUP), allow_abbrev=False)
def restore_backup(args: argparse.Namespace) -> int:
    from schoolaid.backup import backup

    if Path(args.db).exists():  # replacing a database: only someone allowed to, on a database with accounts
        open_db(args).close()
    restored = backup.restore_backup(args.file, read_password(args.password_file), args.db,
                                         now=clock_now())
    print(translate("Cli", "Backup of {school} made {created} restored into {path}.").format(
        school=restored.info.school, created=restored.info.created.strftime("%Y-%m-%d %H:%M"),
        path=restored.database))
    if restored.kept is not None:
        print(translate("Cli", "The database that was there is kept as {path}.").format(path=restored.kept))
    return EXIT_OK


def _info_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    json_option(parser)


@command(BACKUP, "info", help=lambda: translate(
    "Cli", "what a backup file holds, read from its header without the password"), arguments=_info_arguments,
         needs=NOTHING)
def describe_backup(args: argparse.Namespace) -> int:
    from schoolaid.backup import backup

    info = backup.read_info(args.file)
    if args.json:
        return print_json({"file": str(args.file), **_info_json(info)})
    print(translate("Cli", "School: {school}\nTownship: {township}\nMade: {created} by SchoolAid {version}\n"
                           "Size: {size} bytes").format(
        school=info.school, township=info.township, created=info.created.strftime("%Y-%m-%d %H:%M"),
        version=info.app_version, size=info.size))
    for key, value in info.counts.items():
        print(f"  {key}: {value}")
    return EXIT_OK


def _info_json(info: object) -> dict:
    from schoolaid.backup.backup import BackupInfo

    assert isinstance(info, BackupInfo)
    return {"school": info.school, "township": info.township, "created": info.created.isoformat(),
            "app_version": info.app_version, "schema": info.schema, "counts": info.counts}
