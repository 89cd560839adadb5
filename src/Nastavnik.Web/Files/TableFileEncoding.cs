using System.Text;

namespace Nastavnik.Web.Files;

// How a CSV's bytes become text: UTF-8 or Windows-1251, and never a silent mix of the two.
public static partial class TableFileReader
{
    /// <summary>
    /// UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Windows-1251 (what Russian Excel saves as «CSV»). A file
    /// whose lines are partly in one and partly in the other (two lists pasted together) is refused: either reading would garble names.
    /// </summary>
    public static (string Text, string EncodingName) Decode(byte[] content)
    {
        var bom = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, bom, content.Length - bom), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            if (MixedEncoding(content, bom) is { } message) throw new TableFileException(message);
            return (Encoding.GetEncoding(1251).GetString(content, bom, content.Length - bom), "Windows-1251");
        }
    }

    /// <summary>The refusal for a file with lines in UTF-8 and lines in Windows-1251, naming both; null when the file is in one of them.</summary>
    private static string? MixedEncoding(byte[] content, int start)
    {
        var utf8 = new List<int>();
        var cp1251 = new List<int>();
        var line = 1;
        for (var i = start; i < content.Length; line++)
        {
            var end = Array.IndexOf(content, (byte)'\n', i);
            if (end < 0) end = content.Length;
            var span = content.AsSpan(i, end - i);
            if (span.ContainsAnyExceptInRange((byte)0, (byte)0x7F)) (IsUtf8(span) ? utf8 : cp1251).Add(line);
            i = end + 1;
        }
        if (utf8.Count == 0 || cp1251.Count == 0) return null;
        return $"Файл сохранён в разных кодировках: {Lines(utf8)} — в UTF-8, {Lines(cp1251)} — в Windows-1251, поэтому часть букв не прочитать. " +
               "Сохраните весь файл в одной кодировке (в Excel: «CSV UTF-8») и загрузите снова.";
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>«строка 3», «строки 1–2», «строки 1–2, 5, 7–9 и другие».</summary>
    private static string Lines(List<int> numbers)
    {
        var ranges = new List<string>();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1) j++;
            ranges.Add(i == j ? $"{numbers[i]}" : $"{numbers[i]}–{numbers[j]}");
            i = j + 1;
        }
        return (numbers.Count == 1 ? "строка " : "строки ") + string.Join(", ", ranges.Take(3)) + (ranges.Count > 3 ? " и другие" : "");
    }
}
