#!/usr/bin/python3
"""Makes the edits an analyst makes, in LibreOffice itself: opens a workbook in a headless LibreOffice driven through UNO,
applies the operations of a JSON file one by one, and saves (as .xlsx, as Calc's "Excel 2007-365" filter does) or reads
values back. Used by the tests so that edits are LibreOffice's own, not POI's.

    edit.py OPERATIONS.json

OPERATIONS.json: {"open": "in.xlsx", "save": "out.xlsx" or null, "ops": [{"op": ..., ...}, ...]}
It prints one JSON object: {"values": {...}} with what "get" operations read.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.awt import Point, Size
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start():
    profile = tempfile.mkdtemp(prefix="atmp-lo-")
    pipe = "atmp%d" % os.getpid()
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    proc = subprocess.Popen([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
                             "--norestore", "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            return proc, profile, desktop
        except NoConnectException:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("LibreOffice did not start")


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def cell(doc, sheet, address):
    return doc.Sheets.getByName(sheet).getCellRangeByName(address)


def named_cell(doc, name):
    target = doc.NamedRanges.getByName(name).getReferredCells()
    return target.getCellByPosition(0, 0)


def chart_doc(doc, sheet, index):
    charts = doc.Sheets.getByName(sheet).getCharts()
    return charts.getByIndex(index).getEmbeddedObject()


def series(chart, index):
    found = []
    for cs in chart.getFirstDiagram().getCoordinateSystems():
        for ct in cs.getChartTypes():
            found.extend(ct.getDataSeries())
    return found[index]


def rgb(hex_colour):
    return int(hex_colour, 16)


class Retry(Exception):
    """This document, as LibreOffice loaded it this time, does not take an edit: loaded again, it does."""


def apply(doc, op, values):
    kind = op["op"]
    if kind == "set":
        target = named_cell(doc, op["name"]) if "name" in op else cell(doc, op["sheet"], op["cell"])
        if "formula" in op:
            target.setFormula(op["formula"])
        elif "number" in op:
            target.setValue(op["number"])
        else:
            target.setString(op["text"])
    elif kind == "addSheet":
        doc.Sheets.insertNewByName(op["name"], doc.Sheets.getCount() if op.get("position") is None else op["position"])
    elif kind == "style":
        target = cell(doc, op["sheet"], op["range"])
        if "bold" in op:
            target.CharWeight = 150.0 if op["bold"] else 100.0
        if "font" in op:
            target.CharFontName = op["font"]
        if "size" in op:
            target.CharHeight = float(op["size"])
        if "fill" in op:
            target.CellBackColor = rgb(op["fill"])
        if "colour" in op:
            target.CharColor = rgb(op["colour"])
        if "format" in op:
            formats = doc.NumberFormats
            locale = uno.createUnoStruct("com.sun.star.lang.Locale")
            key = formats.queryKey(op["format"], locale, False)
            if key == -1:
                key = formats.addNew(op["format"], locale)
            target.NumberFormat = key
    elif kind == "columnWidth":
        column = doc.Sheets.getByName(op["sheet"]).getColumns().getByName(op["column"])
        column.Width = int(op["width"])  # 1/100 mm
    elif kind == "insertRows":
        doc.Sheets.getByName(op["sheet"]).getRows().insertByIndex(op["row"], op["count"])
    elif kind == "chartTitle":
        chart = chart_doc(doc, op["sheet"], op["index"])
        chart.HasMainTitle = True
        chart.Title.String = op["title"]
    elif kind == "seriesName":
        chart = chart_doc(doc, op["sheet"], op["index"])
        data = series(chart, op["series"])
        provider = chart.getDataProvider()
        for sequence in data.getDataSequences():
            label = sequence.getLabel()
            if label is not None:
                # A name typed by hand: a literal label, as Calc's data range dialog makes it.
                literal = provider.createDataSequenceByRangeRepresentation('"' + op["name"] + '"')
                sequence.setLabel(literal)
                break
    elif kind == "moveChart":
        # Calc keeps a shape's cell anchor apart from its position and does not always update it on a move made through
        # the API (nor is the shape always ready right after loading: the chart object loads lazily); a later layout
        # pass then puts the shape back at its anchor. So the chart is loaded first, anchored to the cell under its new
        # top-left corner, moved, and checked; tried again if it did not hold.
        sheet = doc.Sheets.getByName(op["sheet"])
        x, y = int(op["x"]), int(op["y"])
        column = row = left = top = 0
        while left + sheet.getColumns().getByIndex(column).Width <= x:
            left += sheet.getColumns().getByIndex(column).Width
            column += 1
        while top + sheet.getRows().getByIndex(row).Height <= y:
            top += sheet.getRows().getByIndex(row).Height
            row += 1
        for attempt in range(5):
            page = sheet.getDrawPage()
            charts = [page.getByIndex(i) for i in range(page.getCount())
                      if page.getByIndex(i).getShapeType() == "com.sun.star.drawing.OLE2Shape"]
            shape = charts[op["index"]]
            try:
                shape.getPropertyValue("Model")
                shape.setPropertyValue("Anchor", sheet.getCellByPosition(column, row))
                shape.setPosition(Point(x, y))
                shape.setSize(Size(int(op["width"]), int(op["height"])))
                time.sleep(0.2)
                anchor = shape.getPropertyValue("Anchor")
                if anchor is not None and (anchor.CellAddress.Column, anchor.CellAddress.Row) == (column, row) \
                        and abs(shape.getPosition().Y - y) < 10 and abs(shape.getPosition().X - x) < 10:
                    break
            except Exception:
                pass
            time.sleep(0.3)
        else:
            raise Retry("the chart on %s did not move" % op["sheet"])
    elif kind == "totalsRow":
        # Data > Define Range > Options > "Contains totals row", then a label and AutoSum in the row below the table,
        # as an analyst does it in Calc: SUBTOTAL over the column's cells as they are now.
        table = doc.DatabaseRanges.getByName(op["table"])
        area = table.DataArea
        grown = uno.createUnoStruct("com.sun.star.table.CellRangeAddress")
        grown.Sheet, grown.StartColumn, grown.StartRow = area.Sheet, area.StartColumn, area.StartRow
        grown.EndColumn, grown.EndRow = area.EndColumn, area.EndRow + 1
        sheet = doc.Sheets.getByIndex(area.Sheet)
        sheet.getRows().insertByIndex(area.EndRow + 1, 1)
        table.DataArea = grown
        table.TotalsRow = True
        totals = area.EndRow + 1
        sheet.getCellByPosition(area.StartColumn, totals).setString(op.get("label", "Total"))
        for column in range(area.StartColumn, area.EndColumn + 1):
            header = sheet.getCellByPosition(column, area.StartRow).getString()
            if header in op.get("functions", {}):
                data = sheet.getCellRangeByPosition(column, area.StartRow + 1, column, area.EndRow)
                address = data.AbsoluteName.split(".", 1)[1].replace("$", "")
                sheet.getCellByPosition(column, totals).setFormula(
                    "=SUBTOTAL(%d;%s)" % (op["functions"][header], address))
    elif kind == "recalculate":
        doc.calculateAll()
    elif kind == "get":
        target = named_cell(doc, op["name"]) if "name" in op else cell(doc, op["sheet"], op["cell"])
        key = op.get("key", op.get("cell", op.get("name")))
        values[key] = {"value": target.getValue(), "string": target.getString(), "formula": target.getFormula(),
                       "error": target.getError()}
    else:
        raise SystemExit("unknown operation " + kind)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    proc, profile, desktop = start()
    values = {}
    doc = None
    # A copy is opened, so that the lock file LibreOffice writes beside an open file never lands beside the original.
    work = os.path.join(profile, "open-" + os.path.basename(job["open"]))
    shutil.copyfile(job["open"], work)
    try:
        for attempt in range(3):
            doc = desktop.loadComponentFromURL(url(work), "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                raise SystemExit("LibreOffice could not open " + job["open"])
            try:
                for op in job.get("ops", []):
                    apply(doc, op, values)
                break
            except Retry as e:
                if attempt == 2:
                    raise SystemExit(str(e))
                doc.close(True)
                doc = None
                values.clear()
        if job.get("save"):
            doc.storeToURL(url(job["save"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    finally:
        try:
            if doc is not None:
                doc.close(True)
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps({"values": values}))

if __name__ == "__main__":
    main()
