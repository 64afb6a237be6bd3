"""The encrypted backup file (.sabk): a readable header, then the compressed database in
authenticated chunks.

Layout::

    b"SchoolAidBackup\\n"      16 bytes, the magic
    header length            4 bytes, big-endian
    header                   UTF-8 JSON: format version, school, created time, record counts,
                             key-derivation parameters, cipher and chunk size
    chunks                   ChaCha20-Poly1305 of 64 KiB pieces of the zlib stream, each with its tag

The design is age's (STREAM): the nonce of chunk *i* is *i* as an 11-byte counter plus one byte that
is 1 only on the last chunk, so a file cut at a chunk boundary, chunks swapped or dropped, and a
file with bytes added after the end are all refused. The SHA-256 of the magic, length and header is
the associated data of every chunk: the township reads the header without the password, and any
change to it is detected. ChaCha20 rather than AES because the school's old PCs may lack AES
instructions; the key comes from the password by scrypt with a random salt (N=2^17, r=8, p=1, above
OWASP's minimum). 32 more bytes of the same derivation are kept in the header as a password check,
so a wrong password is told apart from a damaged file; they cost an attacker as much as a trial
decryption would.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress

MAGIC = b"SchoolAidBackup\n"
FORMAT_VERSION = 1
CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
MAX_HEADER_BYTES = 64 * 1024
MIN_PASSWORD_LENGTH = 8

SCRYPT_N = 2 ** 17
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
# A header asking for more than this is damaged or hostile: refused before any work, so a file cannot
# make an old PC swap for minutes. 1 GiB is 8 times what we write.
MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024
MIN_SCRYPT_N = 2 ** 14
COMPRESSION_LEVEL = 6
_LENGTH = struct.Struct(">I")


class BackupError(SchoolAidError):
    """The backup file cannot be used; the message says why and what to do."""


class NotABackup(BackupError):
    pass


class WrongPassword(BackupError):
    pass


class DamagedBackup(BackupError):
    pass


def _damaged(detail: str) -> DamagedBackup:
    return DamagedBackup(translate(
        "Backup", "The backup file is damaged or incomplete ({detail}), so it was not used. Copy it again from the "
        "school's PC (a USB stick pulled out too early leaves a cut-off file) and try again.").format(detail=detail))


@dataclass(frozen=True)
class KeyDerivation:
    salt: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def new(cls) -> KeyDerivation:
        return cls(os.urandom(SALT_BYTES))

    @property
    def memory(self) -> int:
        return 128 * self.n * self.r * self.p

    def refuse_unreasonable(self) -> None:
        """Refuse settings no SchoolAid backup has (an altered header could ask for hours of work or all
        the memory) before any work is done."""
        n, r, p = self.n, self.r, self.p
        if (n < MIN_SCRYPT_N or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 16
                or self.memory > MAX_SCRYPT_MEMORY or not 16 <= len(self.salt) <= 64):
            raise DamagedBackup(translate(
                "Backup", "The backup file asks for unreasonable key settings (scrypt N={n}, r={r}, p={p}); it was "
                "altered or is not a SchoolAid backup, so it was not opened.").format(n=n, r=r, p=p))

    def derive(self, password: str) -> tuple[bytes, bytes]:
        """The encryption key and the password check; unreasonable settings are refused first."""
        self.refuse_unreasonable()
        material = hashlib.scrypt(password.encode("utf-8"), salt=self.salt, n=self.n, r=self.r, p=self.p,
                                  maxmem=self.memory + 16 * 1024 * 1024, dklen=64)
        return material[:32], material[32:]

    def as_header(self, check: bytes) -> dict[str, Any]:
        return {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p,
                "salt": base64.b64encode(self.salt).decode(), "check": base64.b64encode(check).decode()}

    @classmethod
    def from_header(cls, entry: Any) -> tuple[KeyDerivation, bytes]:
        """The parameters a header asks for, refused when unreasonable, and its password check."""
        try:
            if entry["name"] != "scrypt":
                raise ValueError(entry["name"])
            n, r, p = int(entry["n"]), int(entry["r"]), int(entry["p"])
            salt = base64.b64decode(entry["salt"], validate=True)
            check = base64.b64decode(entry["check"], validate=True)
        except (KeyError, TypeError, ValueError) as exc:
            raise _damaged(translate("Backup", "the key settings in the header are unreadable")) from exc
        derivation = cls(salt, n, r, p)
        derivation.refuse_unreasonable()
        if len(check) != 32:
            raise _damaged(translate("Backup", "the key settings in the header are unreadable"))
        return derivation, check


def check_password(password: str) -> None:
    """The rule for a new backup password; reading an old backup accepts whatever it was made with."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BackupError(translate(
            "Backup", "The backup password must have at least {n} characters.").format(n=MIN_PASSWORD_LENGTH))


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _prefix(header: dict[str, Any]) -> bytes:
    data = json.dumps(header, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    return MAGIC + _LENGTH.pack(len(data)) + data


class BackupWriter:
    """Compresses and encrypts what is written to it into ``out``, chunk by chunk: a large database is
    never held in memory, let alone twice."""

    def __init__(self, out: BinaryIO, header: dict[str, Any], password: str,
                 derivation: KeyDerivation | None = None) -> None:
        derivation = derivation or KeyDerivation.new()
        key, check = derivation.derive(password)
        self._header = {**header, "format": "schoolaid-backup", "version": FORMAT_VERSION,
                        "kdf": derivation.as_header(check),
                        "cipher": {"name": "chacha20-poly1305", "chunk_size": CHUNK_SIZE, "compression": "zlib"}}
        prefix = _prefix(self._header)
        self._associated = hashlib.sha256(prefix).digest()
        self._cipher = ChaCha20Poly1305(key)
        self._compressor = zlib.compressobj(COMPRESSION_LEVEL)
        self._pending = bytearray()
        self._counter = 0
        self._out = out
        out.write(prefix)

    def write(self, data: bytes) -> None:
        self._pending += self._compressor.compress(data)
        # Keep at least one chunk back: only at close is it known which chunk is the last.
        while len(self._pending) > CHUNK_SIZE:
            self._seal(bytes(self._pending[:CHUNK_SIZE]), last=False)
            del self._pending[:CHUNK_SIZE]

    def close(self) -> None:
        self._pending += self._compressor.flush()
        while len(self._pending) > CHUNK_SIZE:
            self._seal(bytes(self._pending[:CHUNK_SIZE]), last=False)
            del self._pending[:CHUNK_SIZE]
        self._seal(bytes(self._pending), last=True)
        self._pending.clear()

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        self._out.write(self._cipher.encrypt(_nonce(self._counter, last), chunk, self._associated))
        self._counter += 1


def read_header(source: BinaryIO) -> tuple[dict[str, Any], bytes]:
    """The header, readable without the password, and the bytes it was read from."""
    magic = source.read(len(MAGIC))
    if magic != MAGIC:
        raise NotABackup(translate(
            "Backup", "This file is not a SchoolAid backup (.sabk). Choose the backup file the school exported."))
    length_bytes = source.read(_LENGTH.size)
    if len(length_bytes) != _LENGTH.size:
        raise _damaged(translate("Backup", "the file ends inside its header"))
    (length,) = _LENGTH.unpack(length_bytes)
    if length > MAX_HEADER_BYTES:
        raise _damaged(translate("Backup", "the header is impossibly long"))
    data = source.read(length)
    if len(data) != length:
        raise _damaged(translate("Backup", "the file ends inside its header"))
    try:
        header = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _damaged(translate("Backup", "the header is unreadable")) from exc
    if not isinstance(header, dict) or header.get("format") != "schoolaid-backup":
        raise _damaged(translate("Backup", "the header is unreadable"))
    version = header.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(translate(
            "Backup", "This backup was made by a newer version of SchoolAid (format {version}). Install the newer "
            "version to open it.").format(version=version))
    cipher = header.get("cipher")
    if (not isinstance(cipher, dict) or cipher.get("name") != "chacha20-poly1305"
            or cipher.get("chunk_size") != CHUNK_SIZE or cipher.get("compression") != "zlib"):
        raise _damaged(translate("Backup", "the header names an unknown cipher"))
    return header, magic + length_bytes + data


def decrypt(source: BinaryIO, password: str, total_size: int, progress: Progress = NO_PROGRESS) -> Iterator[bytes]:
    """The database bytes of a backup, checked chunk by chunk; raises before yielding anything
    unauthenticated. ``total_size`` (the file's size) only drives the progress."""
    header, prefix = read_header(source)
    derivation, check = KeyDerivation.from_header(header.get("kdf"))
    key, expected = derivation.derive(password)
    if not hmac.compare_digest(expected, check):
        raise WrongPassword(translate(
            "Backup", "The password is wrong. Type the password chosen when this backup was exported (capital "
            "letters count)."))
    cipher = ChaCha20Poly1305(key)
    associated = hashlib.sha256(prefix).digest()
    decompressor = zlib.decompressobj()
    sealed_size = CHUNK_SIZE + TAG_SIZE
    counter = 0
    done = len(prefix)
    chunk = source.read(sealed_size)
    while True:
        following = source.read(sealed_size) if len(chunk) == sealed_size else b""
        last = not following
        if len(chunk) < TAG_SIZE:
            raise _damaged(translate("Backup", "the file is cut off"))
        try:
            plain = cipher.decrypt(_nonce(counter, last), chunk, associated)
        except InvalidTag as exc:
            if counter == 0:
                detail = translate("Backup", "the header or the first block was changed")
            elif last:
                detail = translate("Backup", "the file is cut off or its end was changed")
            else:
                detail = translate("Backup", "block {n} was changed").format(n=counter + 1)
            raise _damaged(detail) from exc
        done += len(chunk)
        try:
            data = decompressor.decompress(plain)
        except zlib.error as exc:
            raise _damaged(translate("Backup", "the compressed data is broken")) from exc
        if data:
            yield data
        progress.report(done / total_size if total_size else 1.0)
        if last:
            break
        counter += 1
        chunk = following
    tail = decompressor.flush()
    if tail:
        yield tail
    if not decompressor.eof:
        raise _damaged(translate("Backup", "the compressed data ends early"))


def authenticated_header(source: BinaryIO, password: str) -> dict[str, Any]:
    """The header, proven unchanged with the password: its SHA-256 is the associated data of every
    chunk, so the first chunk decrypts only under the header it was written with. A header edited to
    claim another chain head, count or date fails here (as ``backup verify`` of the file does), while
    ``read_header`` alone would take it at its word."""
    header, prefix = read_header(source)
    derivation, check = KeyDerivation.from_header(header.get("kdf"))
    key, expected = derivation.derive(password)
    if not hmac.compare_digest(expected, check):
        raise WrongPassword(translate(
            "Backup", "The password is wrong. Type the password chosen when this backup was exported (capital "
            "letters count)."))
    sealed_size = CHUNK_SIZE + TAG_SIZE
    chunk = source.read(sealed_size)
    last = len(chunk) < sealed_size or not source.read(1)
    if len(chunk) < TAG_SIZE:
        raise _damaged(translate("Backup", "the file is cut off"))
    try:
        ChaCha20Poly1305(key).decrypt(_nonce(0, last), chunk, hashlib.sha256(prefix).digest())
    except InvalidTag as exc:
        raise _damaged(translate("Backup", "the header or the first block was changed")) from exc
    return header
