#!/usr/bin/env bash
# Makes the word-processor fixture of the format-equivalence test: seed 003
# (嘉兴 实施方案) as a .docx written by LibreOffice Writer, its annex task
# list as a real Word table. The test builds the GB18030 text and the .xlsx
# itself; this one needs a real word processor, so it is made here and
# committed. Needs: python3, libreoffice-writer (soffice).
set -euo pipefail
cd "$(dirname "$0")/.."
out=internal/plandoc/testdata/formats
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - demo/seeds/003_e50bc25d11ad62e1.txt "$tmp/003.html" <<'PY'
import html, sys
src, dst = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().split("\n")
out, rows, row = [], [], []
def flush_table():
    global rows, row
    if row: rows.append(row); row = []
    if rows:
        out.append("<table border='1'>" + "".join(
            "<tr>" + "".join("<td>%s</td>" % html.escape(c) for c in r) + "</tr>" for r in rows) + "</table>")
    rows = []
for l in lines:
    if l.startswith("\t"):
        row.append(l.strip()); continue
    if row and l.strip() == "":
        rows.append(row); row = []; continue
    flush_table()
    if l.strip():
        out.append("<p>%s</p>" % html.escape(l.strip()))
flush_table()
open(dst, "w", encoding="utf-8").write(
    "<html><head><meta charset='utf-8'></head><body>%s</body></html>" % "\n".join(out))
PY
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/003.html" >/dev/null
cp "$tmp/003.docx" "$out/003_writer.docx"
echo "wrote $out/003_writer.docx"

# The annex task list of seed 003 as comma-separated values, the way Excel
# or WPS saves a sheet: a title row, the header, one record per row, every
# record padded to the sheet's width; once in UTF-8 with a BOM (Excel's
# "CSV UTF-8") and once in GBK (Excel's "CSV" on a Chinese Windows).
python3 - demo/seeds/003_e50bc25d11ad62e1.txt "$out" <<'PY'
import csv, io, sys
src, out = sys.argv[1], sys.argv[2]
rows, row = [], []
for l in open(src, encoding="utf-8").read().split("\n"):
    if l.startswith("\t"):
        row.append(l.strip()); continue
    if row:
        rows.append(row); row = []
if row: rows.append(row)
table = [["重点任务清单", "", "", ""], ["序号", "重点任务", "责任（牵头）单位", "时间要求"]]
table += [r[:4] for r in rows if len(r) >= 4 and r[0].isdigit()]
buf = io.StringIO()
csv.writer(buf, lineterminator="\r\n").writerows(table)
open(out + "/003_annex.csv", "w", encoding="utf-8-sig", newline="").write(buf.getvalue())
open(out + "/003_annex_gbk.csv", "w", encoding="gbk", newline="").write(buf.getvalue())
PY
echo "wrote $out/003_annex.csv and $out/003_annex_gbk.csv"
