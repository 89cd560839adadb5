using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>An .xlsx opened back with the Open XML SDK, as a test reads what a curator downloaded.</summary>
public static class XlsxFile
{
    /// <summary>Every sheet of an .xlsx as rows of cell texts (inline strings and numbers, as XlsxWriter writes them).</summary>
    public static Dictionary<string, List<string[]>> Read(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var result = new Dictionary<string, List<string[]>>();
        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            var rows = new List<string[]>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().ToList();
                var width = cells.Count == 0 ? 0 : cells.Max(x => ColumnIndex(x.CellReference!)) + 1;
                var values = new string[width];
                Array.Fill(values, "");
                foreach (var cell in cells)
                    values[ColumnIndex(cell.CellReference!)] = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
                rows.Add(values);
            }
            var headerWidth = rows.Count > 0 ? rows[0].Length : 0;
            result[sheet.Name!] = rows.Select(r => r.Length >= headerWidth ? r : [.. r, .. Enumerable.Repeat("", headerWidth - r.Length)]).ToList();
        }
        return result;
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }
}
