"""What an XLSX zip bomb costs before it is refused.

    .venv/bin/python benchmarks/xlsx_bomb.py [--rows 1600000]

Builds a valid workbook whose sheet repeats one row ``--rows`` times (about 50 bytes each,
deflated to a few hundred kilobytes), then reads it as an upload is read. Printed: the file size,
the size it would unpack to, the time until it is refused and the peak memory of Python
allocations meanwhile (tracemalloc).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook

from wandelwerk.imports.reader import UnreadableFile, read_table

ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def bomb(rows: int) -> bytes:
    plain = io.BytesIO()
    Workbook().save(plain)
    plain.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                zf.writestr(item, source.read(item))
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(HEAD)
            for _ in range(rows // 10_000):
                sheet.write(ROW * 10_000)
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_600_000)
    args = parser.parse_args()
    data = bomb(args.rows)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        read_table(data, "bombe.xlsx")
        outcome = "READ (not refused!)"
    except UnreadableFile as exc:
        outcome = f"refused: {exc}"
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"file {len(data) / 1e6:.2f} MB, unpacks to {len(ROW) * args.rows / 1e6:.0f} MB")
    print(f"{outcome}")
    print(f"time {elapsed * 1000:.1f} ms, peak Python memory {peak / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
