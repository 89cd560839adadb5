using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nastavnik.Web.Files.Documents;

using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Fills a .docx template, the default one built by code or a school's own, in one way. The syntax, in any paragraph or cell:
/// <list type="bullet">
/// <item><c>{{Школа.Наименование}}</c>: a value; a null value prints as a blank line to fill by hand; a value with line breaks
/// keeps them.</item>
/// <item>a table row with <c>{{#Пары}}</c> in any cell is repeated once per item of the collection «Пары» (an empty one leaves no row);
/// in it <c>{{Пары.Наставник}}</c> is the item's field; <c>{{/Пары}}</c> may close it in the same row and prints nothing.</item>
/// <item><c>{{Диаграмма.Показатели}}</c> alone in a paragraph of the document's text (not a header, footer or repeated row) is an
/// image of <see cref="DocumentData.Images"/>: the paragraph's text gives way to the picture at the text's width.</item>
/// </list>
/// Word splits typed text into runs as it likes (spell check, formatting, editing history): a placeholder split across runs is joined
/// into its first run, which keeps that run's formatting. An unknown placeholder, an unclosed «{{», an item field outside its row
/// or a file that is not a .docx is refused with a <see cref="DocumentTemplateException"/> in Russian: never a broken file.
/// </summary>
public static partial class DocxTemplate
{
    [GeneratedRegex(@"\{\{\s*([#/]?)\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Every placeholder the template uses, as written without braces («Школа.Наименование», «#Пары», «Пары.Наставник»), in order.</summary>
    public static IReadOnlyList<string> Placeholders(byte[] template)
    {
        using var stream = new MemoryStream(template, writable: false);
        using var doc = Open(stream, editable: false);
        return Roots(doc).SelectMany(r => r.Descendants<Paragraph>())
            .SelectMany(p => Placeholder().Matches(string.Concat(p.Descendants<Text>().Select(t => t.Text))))
            .Select(m => m.Groups[1].Value + m.Groups[2].Value).Distinct().ToList();
    }

    /// <summary>The template filled with <paramref name="data"/>; throws <see cref="DocumentTemplateException"/> when it cannot be.</summary>
    public static byte[] Fill(byte[] template, DocumentData data)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        stream.Position = 0;
        using (var doc = Open(stream, editable: true))
        {
            foreach (var root in Roots(doc).ToList())
            {
                foreach (var p in root.Descendants<Paragraph>().ToList()) JoinSplitPlaceholders(p);
                if (root is Document) DocxImages.Place(doc.MainDocumentPart!, root, data, Placeholder());
                foreach (var row in root.Descendants<TableRow>().ToList()) RepeatRow(row, data);
                foreach (var t in root.Descendants<Text>().ToList()) t.Text = Replace(t.Text, data, null);
                foreach (var t in root.Descendants<Text>().Where(t => t.Text.Contains('\n')).ToList()) BreakLines(t);
                root.Save();
            }
        }
        return stream.ToArray();
    }

    private static WordprocessingDocument Open(Stream stream, bool editable)
    {
        try
        {
            var doc = WordprocessingDocument.Open(stream, editable);
            if (doc.MainDocumentPart?.Document?.Body is null) throw new DocumentTemplateException("В шаблоне нет текста документа: сохраните его в Word как «Документ Word (.docx)».");
            return doc;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new DocumentTemplateException("Шаблон не является документом Word (.docx): сохраните его в Word как «Документ Word (.docx)» и загрузите снова.");
        }
    }

    private static IEnumerable<OpenXmlPartRootElement> Roots(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart!;
        yield return main.Document;
        foreach (var h in main.HeaderParts) yield return h.Header;
        foreach (var f in main.FooterParts) yield return f.Footer;
    }

    /// <summary>Moves each placeholder split across text elements of the paragraph into the first of them; refuses an unclosed one.</summary>
    private static void JoinSplitPlaceholders(Paragraph p)
    {
        var texts = p.Descendants<Text>().ToList();
        if (texts.Count == 0) return;
        var full = string.Concat(texts.Select(t => t.Text));
        if (!full.Contains("{{", StringComparison.Ordinal) && !full.Contains("}}", StringComparison.Ordinal)) return;
        var matches = Placeholder().Matches(full);
        var rest = Placeholder().Replace(full, "");
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
            throw new DocumentTemplateException($"В шаблоне незакрытое или лишнее «{{{{» или «}}}}» в абзаце «{Cut(full)}»: каждое поле пишется как {{{{Имя}}}}.");
        foreach (var m in matches.Reverse())
        {
            var starts = new int[texts.Count];
            for (int k = 1; k < texts.Count; k++) starts[k] = starts[k - 1] + texts[k - 1].Text.Length;
            int end = m.Index + m.Length;
            int i = Array.FindLastIndex(starts, s => s <= m.Index), j = Array.FindLastIndex(starts, s => s < end);
            while (i < texts.Count - 1 && texts[i].Text.Length == 0) i++;
            if (i >= j) continue;
            texts[i].Text = texts[i].Text[..(m.Index - starts[i])] + m.Value;
            for (int k = i + 1; k < j; k++) texts[k].Text = "";
            texts[j].Text = texts[j].Text[(end - starts[j])..];
            texts[i].Space = SpaceProcessingModeValues.Preserve;
            texts[j].Space = SpaceProcessingModeValues.Preserve;
        }
    }

    /// <summary>A row with «{{#Имя}}» becomes one row per item of the collection, its item fields filled.</summary>
    private static void RepeatRow(TableRow row, DocumentData data)
    {
        var opener = Placeholder().Matches(row.InnerText).FirstOrDefault(m => m.Groups[1].Value == "#");
        if (opener is null || row.Parent is null) return;
        var name = opener.Groups[2].Value;
        if (!data.Collections.TryGetValue(name, out var items))
            throw new DocumentTemplateException($"В шаблоне неизвестный список {{{{#{name}}}}}. {Known(data)}");
        var anchor = (OpenXmlElement)row;
        foreach (var item in items)
        {
            var copy = (TableRow)row.CloneNode(true);
            foreach (var t in copy.Descendants<Text>()) t.Text = Replace(t.Text, data, (name, item));
            anchor.InsertAfterSelf(copy);
            anchor = copy;
        }
        row.Remove();
    }

    private static string Replace(string text, DocumentData data, (string Name, IReadOnlyDictionary<string, string?> Item)? scope)
    {
        if (!text.Contains("{{", StringComparison.Ordinal)) return text;
        return Placeholder().Replace(text, m =>
        {
            var (mark, name) = (m.Groups[1].Value, m.Groups[2].Value);
            if (mark.Length > 0)
            {
                if (scope is { } s && s.Name == name) return "";
                throw new DocumentTemplateException(mark == "#"
                    ? $"Список {{{{#{name}}}}} стоит вне строки таблицы: поставьте его в ячейку строки, которая повторяется для каждого элемента."
                    : $"Конец списка {{{{/{name}}}}} стоит вне строки таблицы с {{{{#{name}}}}}.");
            }
            if (scope is { } sc && name.StartsWith(sc.Name + ".", StringComparison.Ordinal))
            {
                var field = name[(sc.Name.Length + 1)..];
                if (sc.Item.TryGetValue(field, out var v)) return Value(v);
                throw new DocumentTemplateException($"В шаблоне неизвестное поле {{{{{name}}}}}. Поля списка «{sc.Name}»: {string.Join(", ", sc.Item.Keys.Select(k => $"{{{{{sc.Name}.{k}}}}}"))}.");
            }
            if (data.Values.TryGetValue(name, out var value)) return Value(value);
            if (data.Images.ContainsKey(name))
                throw new DocumentTemplateException($"Рисунок {{{{{name}}}}} должен стоять один в отдельном абзаце основного текста (не в колонтитуле и не в строке списка).");
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && data.Collections.ContainsKey(name[..dot]))
                throw new DocumentTemplateException($"Поле {{{{{name}}}}} стоит вне строки таблицы с {{{{#{name[..dot]}}}}}: поля списка заполняются только в его строке.");
            throw new DocumentTemplateException($"В шаблоне неизвестное поле {{{{{name}}}}}. {Known(data)}");
        });
    }

    private static string Value(string? v) => string.IsNullOrWhiteSpace(v) ? DocumentData.Blank : XmlText.Safe(v);

    private static string Known(DocumentData data) =>
        "Доступные поля: " + string.Join(", ", data.Values.Keys.Select(k => $"{{{{{k}}}}}").Concat(data.Collections.Keys.Select(k => $"{{{{#{k}}}}}"))) + ".";

    /// <summary>A text with line breaks becomes texts and breaks in its run.</summary>
    private static void BreakLines(Text t)
    {
        var lines = t.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        t.Text = lines[0];
        t.Space = SpaceProcessingModeValues.Preserve;
        OpenXmlElement last = t;
        foreach (var line in lines.Skip(1))
        {
            var br = new Break();
            last.InsertAfterSelf(br);
            var next = new Text(line) { Space = SpaceProcessingModeValues.Preserve };
            br.InsertAfterSelf(next);
            last = next;
        }
    }

    private static string Cut(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
