"""The extent of each sheet of an old .xls (BIFF in an OLE compound file), from its cell records,
without building the sheet: calamine makes a dense grid of the used range, and a 5 KB file with a
cell at IV65536 would cost it 1.3 GB. Only the structure is read, never a value.

The file is read whole (it is at most ``spreadsheet.MAX_FILE_BYTES``); every chain of sectors is
bounded by the number of sectors, so a damaged or hostile file ends the walk instead of looping.
"""

from __future__ import annotations

import struct

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
# Records that place a cell: LABELSST, NUMBER, RK, LABEL, BLANK, BOOLERR, FORMULA, RSTRING (row, column first),
# and MULRK, MULBLANK (row, first column, …, last column).
_CELLS = {0x00FD, 0x0203, 0x027E, 0x0204, 0x0201, 0x0205, 0x0006, 0x0406, 0x00D6}
_MULTIPLE = {0x00BD, 0x00BE}
_BOF, _EOF, _FILEPASS, _BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0085


class NotBiff(ValueError):
    """The OLE file has no workbook stream we can walk."""


class Encrypted(NotBiff):
    """The workbook is protected with a password (its cells cannot be walked)."""


def sheet_extents(data: bytes) -> list[tuple[str, int, int, int]]:
    """(name, rows, columns, cells) of the used range of each worksheet, in the order of the file."""
    stream = _workbook_stream(data)
    extents: list[tuple[str, int, int, int]] = []
    names: list[str] = []
    position, depth = 0, 0
    rows = columns = cells = 0
    in_sheet = False
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4:position + 4 + length]
        position += 4 + length
        if kind == _BOF:
            depth += 1
            if depth == 1:
                in_sheet = len(body) >= 4 and struct.unpack_from("<H", body, 2)[0] == 0x0010
                rows = columns = cells = 0
        elif kind == _FILEPASS and depth == 1 and not extents and not in_sheet:
            raise Encrypted("FILEPASS")
        elif kind == _BOUNDSHEET and depth == 1 and len(body) >= 8:
            count, flags = body[6], body[7]
            raw = body[8:8 + count * (2 if flags & 1 else 1)]
            names.append(raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace"))
        elif kind == _EOF:
            if depth == 1 and in_sheet:
                sheet_name = names[len(extents)] if len(extents) < len(names) else str(len(extents) + 1)
                extents.append((sheet_name, rows, columns, cells))
            depth = max(depth - 1, 0)
        elif in_sheet and depth == 1 and len(body) >= 4:
            if kind in _CELLS:
                row, column = struct.unpack_from("<HH", body, 0)
                rows, columns, cells = max(rows, row + 1), max(columns, column + 1), cells + 1
            elif kind in _MULTIPLE and len(body) >= 6:
                row, first = struct.unpack_from("<HH", body, 0)
                last = struct.unpack_from("<H", body, len(body) - 2)[0]
                rows, columns = max(rows, row + 1), max(columns, last + 1, first + 1)
                cells += max(last - first + 1, 1)
    return extents


def _workbook_stream(data: bytes) -> bytes:
    if len(data) < 512:
        raise NotBiff("short")
    sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    mini_size = 1 << struct.unpack_from("<H", data, 0x20)[0]
    if sector_size not in (512, 4096) or mini_size != 64:
        raise NotBiff("sector size")
    first_directory, = struct.unpack_from("<I", data, 0x30)
    cutoff, first_mini_fat, mini_fat_sectors, first_difat, difat_sectors = struct.unpack_from("<IIIII", data, 0x38)
    count = max((len(data) - 512) // sector_size, 1)

    def sector(number: int) -> bytes:
        start = (number + 1) * sector_size
        if number >= count or start >= len(data):
            raise NotBiff("sector out of the file")
        return data[start:start + sector_size]

    fat_sectors = [n for n in struct.unpack_from("<109I", data, 0x4C) if n not in (_FREE, _END_OF_CHAIN)]
    next_difat, seen = first_difat, 0
    while next_difat not in (_FREE, _END_OF_CHAIN) and seen < count and seen <= difat_sectors:
        difat = struct.unpack(f"<{sector_size // 4}I", sector(next_difat))
        fat_sectors += [n for n in difat[:-1] if n not in (_FREE, _END_OF_CHAIN)]
        next_difat, seen = difat[-1], seen + 1
    fat: list[int] = []
    for number in fat_sectors[:count]:
        fat.extend(struct.unpack(f"<{sector_size // 4}I", sector(number)))

    def chain(start: int, table: list[int], limit: int) -> list[int]:
        numbers: list[int] = []
        while start not in (_FREE, _END_OF_CHAIN) and len(numbers) <= limit:
            if start >= len(table):
                raise NotBiff("chain out of the table")
            numbers.append(start)
            start = table[start]
        return numbers

    directory = b"".join(sector(n) for n in chain(first_directory, fat, count))
    entries: dict[str, tuple[int, int]] = {}
    root = (_END_OF_CHAIN, 0)
    for offset in range(0, len(directory) - 127, 128):
        length = struct.unpack_from("<H", directory, offset + 64)[0]
        name = directory[offset:offset + max(min(length, 64) - 2, 0)].decode("utf-16-le", "replace")
        start, size = struct.unpack_from("<IQ", directory, offset + 116)
        if sector_size == 512:
            size &= 0xFFFFFFFF
        entries.setdefault(name, (start, size))
        if offset == 0:
            root = (start, size)
    if "EncryptedPackage" in entries:
        raise Encrypted("EncryptedPackage")
    stream = entries.get("Workbook") or entries.get("Book")
    if stream is None:
        raise NotBiff("no workbook stream")
    start, size = stream
    if size >= cutoff:
        return b"".join(sector(n) for n in chain(start, fat, count))[:size]
    mini_fat: list[int] = []
    for number in chain(first_mini_fat, fat, min(count, mini_fat_sectors + 1)):
        mini_fat.extend(struct.unpack(f"<{sector_size // 4}I", sector(number)))
    mini_stream = b"".join(sector(n) for n in chain(root[0], fat, count))
    pieces = []
    for number in chain(start, mini_fat, len(mini_fat)):
        pieces.append(mini_stream[number * mini_size:(number + 1) * mini_size])
    return b"".join(pieces)[:size]
