"""Hostile and odd files, built by the tests themselves: what a school may be sent, or a careless
export may produce. Each builder writes the file and returns its path."""

from __future__ import annotations

import codecs
import struct
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = ["姓名", "性别", "出生日期", "学校", "年级"]
ROWS = [["张三", "男", "2016-03-02", "平地镇中心校", "四年级"], ["李四", "女", "2016-05-06", "平地镇中心校", "四年级"],
        ["王五", "男", "2016-07-01", "平地镇中心校", "四年级"]]

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="学生名单" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>')


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_xml(row: int, column: int, value: object, formula: str | None = None) -> str:
    ref = f"{column_letters(column)}{row}"
    if formula is not None:
        return f'<c r="{ref}" t="str"><f>{escape(formula)}</f><v>{escape(str(value))}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_xml(cells: dict[int, list[str]], dimension: str | None) -> str:
    """``cells``: row number → the row's <c> elements."""
    rows = "".join(f'<row r="{r}">{"".join(cells[r])}</row>' for r in sorted(cells))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'{dim}<sheetData>{rows}</sheetData></worksheet>')


def roster_cells(rows: list[list[object]] | None = None) -> dict[int, list[str]]:
    table = [HEADER, *(rows if rows is not None else ROWS)]
    return {r: [cell_xml(r, c, v) for c, v in enumerate(row, start=1)] for r, row in enumerate(table, start=1)}


def xlsx(path: Path, sheet: str | bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def far_cell(path: Path, row: int = 1048576, column: int = 16384, dimension: str | None = "auto") -> Path:
    """Three real rows, and one cell far away: 5 KB on disk, 500 GB as calamine's dense grid."""
    cells = roster_cells()
    cells[row] = [cell_xml(row, column, "x")]
    if dimension == "auto":
        dimension = f"A1:{column_letters(column)}{row}"
    return xlsx(path, sheet_xml(cells, dimension))


def zip_bomb(path: Path, megabytes: int = 120) -> Path:
    """A worksheet that unpacks to ``megabytes`` of cells from a few hundred kilobytes."""
    row = "".join(cell_xml(1, c, "x") for c in range(1, 6))
    piece = ("<row>" + row.replace(' r="', ' data-r="') + "</row>").encode()  # no references: only size counts
    head = sheet_xml(roster_cells(), "A1:E4").encode()
    start, end = head.split(b"</sheetData>")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = piece * (1024 * 1024 // len(piece))
    parts = [compressor.compress(start)]
    size = len(start)
    # Compressing the same megabyte over and over: the stream stays tiny, the file stays quick to build.
    while size < megabytes * 1024 * 1024:
        parts.append(compressor.compress(block))
        size += len(block)
    tail = b"</sheetData>" + end
    parts.append(compressor.compress(tail))
    parts.append(compressor.flush())
    size += len(tail)
    compressed = b"".join(parts)
    crc = 0
    crc = zlib.crc32(start, crc)
    for _ in range((size - len(start) - len(tail)) // len(block)):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    parts_of_workbook = [("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS),
                         ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)]
    _write_raw_zip(path, [(n, d.encode()) for n, d in parts_of_workbook], "xl/worksheets/sheet1.xml", compressed,
                   size, crc)
    return path


def _write_raw_zip(path: Path, others: list[tuple[str, bytes]], name: str, compressed: bytes, size: int,
                   crc: int) -> None:
    """A zip whose member ``name`` is the given raw deflate stream (zipfile cannot write one)."""
    entries = []
    out = bytearray()
    for filename, data in others:
        raw = zlib.compressobj(6, zlib.DEFLATED, -15)
        body = raw.compress(data) + raw.flush()
        entries.append((filename.encode(), body, len(data), zlib.crc32(data)))
    entries.append((name.encode(), compressed, size, crc))
    central = bytearray()
    for filename, body, usize, ucrc in entries:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x5321, ucrc, len(body), usize,
                           len(filename), 0) + filename + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x5321, ucrc, len(body),
                               usize, len(filename), 0, 0, 0, 0, 0, offset) + filename
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    path.write_bytes(bytes(out + central + end))


def csv_bytes(rows: list[list[str]], encoding: str, delimiter: str = ",") -> bytes:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    if encoding == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(encoding)


def html_xls(path: Path, rows: list[list[str]] | None = None) -> Path:
    """What web systems export as "xls": an HTML page, a title spanning the columns, then the table."""
    table = [HEADER, *(rows if rows is not None else ROWS)]
    body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>\n" for row in table)
    page = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
            f'<table border="1"><tr><th colspan="{len(HEADER)}">平地镇中心校学生名单</th></tr>\n{body}</table>'
            '<table><tr><td>另一张表</td></tr></table></body></html>')
    path.write_text(page, encoding="utf-8")
    return path


def ods(path: Path, far: bool = False) -> Path:
    """An OpenDocument sheet as LibreOffice writes it: empty cells and rows repeated to the sheet's end;
    ``far`` puts one cell after a million empty rows and 16,000 empty columns."""
    def cells(values: list[str]) -> str:
        return "".join(f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
                       "</table:table-cell>" for v in values)

    rows = "".join(f"<table:table-row>{cells(row)}"
                   f'<table:table-cell table:number-columns-repeated="{1024 - len(row)}"/></table:table-row>'
                   for row in [HEADER, *ROWS])
    if far:
        rows += ('<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>'
                 f'<table:table-row><table:table-cell table:number-columns-repeated="16000"/>{cells(["x"])}'
                 "</table:table-row>")
    rows += ('<table:table-row table:number-rows-repeated="1048572">'
             '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               '<office:spreadsheet><table:table table:name="学生名单"><table:table-column '
               'table:number-columns-repeated="1024"/>' + rows + "</table:table></office:spreadsheet></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>'))
    return path
