#!/usr/bin/env python3
"""Writes a CSV file as a one-sheet .xlsx workbook, streaming, for `make bench`:
text as shared strings, amounts as numbers, timestamps as date cells.

    xlsx-from-csv.py IN.csv OUT.xlsx [MAX_ROWS]
"""
import csv, datetime, sys, zipfile
from xml.sax.saxutils import escape

source, target = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
EPOCH = datetime.datetime(1899, 12, 30)
MONEY = {"amount", "cost"}
TIMES = {"signup_at", "ordered_at", "created_at", "at", "opened_at", "first_contact_at", "qualified_at",
         "opportunity_at", "won_at", "lost_at", "first_response_at", "resolved_at"}
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name

strings, index = [], {}
def shared(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]

with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as book, open(source, newline="", encoding="utf-8-sig") as f:
    rows = csv.reader(f)
    header = next(rows)
    with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        out = lambda s: sheet.write(s.encode())
        out(f"<worksheet {NS}><sheetData>")
        out('<row r="1">' + "".join(f'<c r="{column(i)}1" t="s"><v>{shared(h)}</v></c>' for i, h in enumerate(header)) + "</row>")
        for n, row in enumerate(rows, start=2):
            if limit and n - 1 > limit:
                break
            cells = []
            for i, value in enumerate(row):
                if not value:
                    continue
                ref = f"{column(i)}{n}"
                if header[i] in MONEY:
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                elif header[i] in TIMES:
                    t = datetime.datetime.fromisoformat(value)
                    cells.append(f'<c r="{ref}" s="1"><v>{(t - EPOCH).total_seconds() / 86400!r}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>')
            out(f'<row r="{n}">' + "".join(cells) + "</row>")
        out("</sheetData></worksheet>")
    book.writestr("xl/sharedStrings.xml", f"<sst {NS}>" + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")
    book.writestr("xl/styles.xml", f'<styleSheet {NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>')
    book.writestr("xl/workbook.xml", f'<workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                  '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    book.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    book.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
