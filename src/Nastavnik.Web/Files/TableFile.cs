using System.Globalization;
using System.IO.Compression;
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

/// <summary>
/// Reads a staff list or a Forms export, and refuses in Russian what it cannot read honestly: a file over 20 MB, an .xlsx that
/// unpacks to more than 100 MB or holds more than a million cells (refused before it is unpacked into memory), a CSV in two
/// encodings at once. A title above the header row (usual in school lists) is skipped and said.
/// </summary>
public static partial class TableFileReader
{
    public const long MaxBytes = 20 * 1024 * 1024;
    /// <summary>What a web request may carry: more than <see cref="MaxBytes"/>, so that a bigger file still reaches the page and is
    /// refused with <see cref="TooLargeMessage"/>; the form reader keeps such a file on disk, not in memory.</summary>
    public const long MaxRequestBytes = 128 * 1024 * 1024;
    public const long MaxUnpackedBytes = 100 * 1024 * 1024;
    public const int MaxCells = 1_000_000;
    public const string TooLargeMessage = "Файл больше 20 МБ. Разделите его на части.";
    private const int ExcerptLength = 60;

    /// <summary>A cell as quoted in a message: at most 60 characters, a long one cut with «…».</summary>
    public static string Excerpt(string? text)
    {
        text ??= "";
        return text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)].TrimEnd() + "…";
    }

    public static TableFile Read(string fileName, byte[] content)
    {
        if (content.Length == 0) throw new TableFileException("Файл пустой.");
        if (content.Length > MaxBytes) throw new TableFileException(TooLargeMessage);
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K';
        if (ext is ".xlsx" or ".xlsm" || isZip) return ReadXlsx(content);
        if (ext is ".xls") throw new TableFileException("Старый формат .xls не поддерживается. Сохраните файл в Excel как «Книга Excel (.xlsx)» или как CSV.");
        return ReadCsv(content);
    }

    private static TableFileException TooManyCells() => new(
        "В файле больше 1 000 000 ячеек (строк, умноженных на столбцы): столько в списке педагогов или ответах формы не бывает. " +
        "Проверьте, тот ли это файл; если в нём есть пустые, но отформатированные строки или столбцы, удалите их.");

    private static TableFile ReadXlsx(byte[] content)
    {
        try
        {
            CheckUnpackedSize(content);
            using var stream = new MemoryStream(content);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var raw = new List<(int Number, string[] Cells)>();
            var number = 0;
            long cells = 0;
            while (reader.Read())
            {
                number++;
                cells += reader.FieldCount;
                if (cells > MaxCells) throw TooManyCells();
                var row = new string[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++) row[i] = CellText(reader.GetValue(i));
                raw.Add((number, row));
            }
            return Build(raw, $"Excel, лист «{Excerpt(reader.Name)}»");
        }
        catch (Exception e) when (e is not TableFileException)
        {
            throw new TableFileException("Не удалось прочитать файл Excel: он повреждён или это не .xlsx.");
        }
    }

    /// <summary>
    /// An .xlsx is a zip: a small file may unpack to gigabytes. The parts are counted as declared, then as actually unpacked into a
    /// small buffer, and the file is refused past <see cref="MaxUnpackedBytes"/> before anything is kept in memory.
    /// </summary>
    private static void CheckUnpackedSize(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var tooBig = new TableFileException("Файл Excel в распакованном виде больше 100 МБ: так много данных в списке педагогов или ответах формы не бывает. Проверьте, тот ли это файл, или сохраните нужный лист отдельно.");
        if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes) throw tooBig;
        var buffer = new byte[64 * 1024];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var part = entry.Open();
            int n;
            while ((n = part.Read(buffer)) > 0)
                if ((total += n) > MaxUnpackedBytes) throw tooBig;
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
        long cells = 0;
        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            atFieldStart = true;
            if ((cells += fields.Count) > MaxCells) throw TooManyCells();
            records.Add((records.Count + 1, fields.ToArray()));
            fields.Clear();
        }
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
                EndRecord();
            }
            else { field.Append(ch); atFieldStart = false; }
        }
        if (field.Length > 0 || fields.Count > 0) EndRecord();
        return records;
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

    /// <summary>
    /// The header is the first filled row, except that rows above it with a single filled cell (a school list's title, «на 01.09.2026»)
    /// are skipped when a row with several filled cells follows within the first ten; the description then says so. Fully empty rows
    /// below the header are ignored.
    /// </summary>
    private static TableFile Build(List<(int Number, string[] Cells)> raw, string description)
    {
        static int Filled(string[] cells) => cells.Count(c => !string.IsNullOrWhiteSpace(c));
        var filled = raw.Select((r, i) => (Index: i, Count: Filled(r.Cells))).Where(x => x.Count > 0).Take(10).ToList();
        if (filled.Count == 0) throw new TableFileException("В файле нет ни одной заполненной строки.");
        var start = filled[0].Index;
        if (filled[0].Count == 1 && filled.FirstOrDefault(x => x.Count > 1) is { Count: > 1 } header)
        {
            start = header.Index;
            description += $"; заголовок в строке {raw[start].Number}, строки выше (название списка) пропущены";
        }
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
