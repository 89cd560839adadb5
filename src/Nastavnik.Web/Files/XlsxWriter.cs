using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nastavnik.Web.Files;

/// <summary>Writes simple tables to .xlsx with the Open XML SDK: a bold, frozen header row, autofilter, sensible column widths.</summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows)
    {
        /// <summary>Leading columns kept in view when scrolling right (e.g. the names of a matrix); the header row is always frozen.</summary>
        public int FrozenColumns { get; init; }
        /// <summary>Widest column in characters; longer headers wrap (a matrix keeps narrow columns under long topic names).</summary>
        public int MaxColumnWidth { get; init; } = 60;
    }

    public static byte[] Write(params Sheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetsEl = wb.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = wb.AddNewPart<WorksheetPart>();
                WriteSheet(part, sheet);
                sheetsEl.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = wb.GetIdOfPart(part), SheetId = id++, Name = SafeName(sheet.Name) });
            }
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, Sheet sheet)
    {
        var rows = sheet.Rows.ToList();
        var widths = sheet.Headers.Select(h => (double)Math.Min(sheet.MaxColumnWidth, Math.Max(10, h.Length + 2))).ToArray();
        foreach (var row in rows)
            for (var i = 0; i < row.Count && i < widths.Length; i++)
                widths[i] = Math.Min(60, Math.Max(widths[i], (row[i]?.ToString()?.Length ?? 0) + 2));

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        writer.WriteElement(sheet.FrozenColumns > 0
            ? new Pane { HorizontalSplit = sheet.FrozenColumns, VerticalSplit = 1, TopLeftCell = $"{TableFileReader.ColumnLetter(sheet.FrozenColumns)}2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen }
            : new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < widths.Length; i++)
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, sheet.Headers.Cast<object?>().ToList(), header: true);
        var n = 1;
        foreach (var row in rows) WriteRow(writer, ++n, row, header: false);
        writer.WriteEndElement();
        if (sheet.Headers.Count > 0)
            writer.WriteElement(new AutoFilter { Reference = $"A1:{TableFileReader.ColumnLetter(sheet.Headers.Count - 1)}{Math.Max(1, n)}" });
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IReadOnlyList<object?> values, bool header)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v is null) continue;
            var cell = new Cell { CellReference = $"{TableFileReader.ColumnLetter(i)}{number}", StyleIndex = header ? 1u : 0u };
            switch (v)
            {
                case int or long or double or decimal:
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlText.Safe(v.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve });
                    break;
            }
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static string SafeName(string name)
    {
        var clean = new string(XmlText.Safe(name).Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                  new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true }));
}
