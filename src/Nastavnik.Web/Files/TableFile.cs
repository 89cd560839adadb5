using System.Globalization;
using System.Text;
using ExcelDataReader;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Files;

/// <summary>A spreadsheet read from .xlsx or .csv: header names and rows of cell texts, with the row numbers a user sees in Excel.</summary>
public sealed record TableFile(IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows, string Description);

public sealed record TableRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int? column) => column is { } c && c >= 0 && c < Cells.Count ? Cells[c] : "";
}

public sealed class TableFileException(string message) : Exception(message);

public static class TableFileReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static TableFile Read(string fileName, byte[] content)
    {
        if (content.Length == 0) throw new TableFileException("Файл пустой.");
        if (content.Length > MaxBytes) throw new TableFileException("Файл больше 20 МБ. Разделите его на части.");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K';
        if (ext is ".xlsx" or ".xlsm" || isZip) return ReadXlsx(content);
        if (ext is ".xls") throw new TableFileException("Старый формат .xls не поддерживается. Сохраните файл в Excel как «Книга Excel (.xlsx)» или как CSV.");
        return ReadCsv(content);
    }

    private static TableFile ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var raw = new List<(int Number, string[] Cells)>();
            var number = 0;
            while (reader.Read())
            {
                number++;
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++) cells[i] = CellText(reader.GetValue(i));
                raw.Add((number, cells));
            }
            return Build(raw, $"Excel, лист «{reader.Name}»");
        }
        catch (Exception e) when (e is not TableFileException)
        {
            throw new TableFileException("Не удалось прочитать файл Excel: он повреждён или это не .xlsx.");
        }
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : d.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        double x when x == Math.Floor(x) && Math.Abs(x) < 1e15 => ((long)x).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static TableFile ReadCsv(byte[] content)
    {
        var (text, encodingName) = Decode(content);
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = DetectDelimiter(firstLine);
        var raw = ParseCsv(text, delimiter);
        var name = delimiter switch { ';' => "«;»", ',' => "«,»", _ => "табуляция" };
        return Build(raw, $"CSV, {encodingName}, разделитель {name}");
    }

    /// <summary>RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks; a record is numbered as Excel would show it.</summary>
    internal static List<(int Number, string[] Cells)> ParseCsv(string text, char delimiter)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            if (ch == '"' && atFieldStart) { quoted = true; atFieldStart = false; }
            else if (ch == delimiter) { fields.Add(field.ToString()); field.Clear(); atFieldStart = true; }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString()); field.Clear(); atFieldStart = true;
                records.Add((records.Count + 1, fields.ToArray()));
                fields.Clear();
            }
            else { field.Append(ch); atFieldStart = false; }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((records.Count + 1, fields.ToArray()));
        }
        return records;
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Windows-1251 (what Russian Excel saves as «CSV»).</summary>
    public static (string Text, string EncodingName) Decode(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
            return (Encoding.UTF8.GetString(content, 3, content.Length - 3), "UTF-8");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1251).GetString(content), "Windows-1251");
        }
    }

    private static char DetectDelimiter(string line)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (!quoted && ch == ';') semicolons++;
            else if (!quoted && ch == ',') commas++;
            else if (!quoted && ch == '\t') tabs++;
        }
        return tabs > semicolons && tabs > commas ? '\t' : semicolons >= commas && semicolons > 0 ? ';' : commas > 0 ? ',' : ';';
    }

    // The header is the first row with at least one non-empty cell; fully empty rows below it are ignored.
    private static TableFile Build(List<(int Number, string[] Cells)> raw, string description)
    {
        var start = raw.FindIndex(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (start < 0) throw new TableFileException("В файле нет ни одной заполненной строки.");
        var headers = raw[start].Cells.Select(c => RussianText.Clean(c) ?? "").ToList();
        var rows = raw.Skip(start + 1)
            .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(r => new TableRow(r.Number, r.Cells.Select(c => c.Trim()).ToArray()))
            .ToList();
        for (var i = 0; i < headers.Count; i++)
            if (headers[i].Length == 0) headers[i] = $"Столбец {ColumnLetter(i)}";
        return new TableFile(headers, rows, description);
    }

    public static string ColumnLetter(int index)
    {
        var s = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) s = (char)('A' + (i - 1) % 26) + s;
        return s;
    }
}
