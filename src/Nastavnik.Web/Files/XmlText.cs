using System.Text;

namespace Nastavnik.Web.Files;

/// <summary>
/// The characters an XML document (an .xlsx, a .docx) can hold. New input with others is refused at the door (InputRules), but text
/// stored before that rule — or brought by an old import — must not make an export fail for the whole school: the writers drop them.
/// </summary>
public static class XmlText
{
    /// <summary>Whether the text has a character XML 1.0 cannot hold: a control character other than tab and line breaks, U+FFFE/U+FFFF or a lone surrogate.</summary>
    public static bool HasInvalid(string text) => IndexOfInvalid(text) >= 0;

    /// <summary>The text without the characters XML cannot hold (the same text when it has none).</summary>
    public static string Safe(string text)
    {
        var first = IndexOfInvalid(text);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (!IsInvalid(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static int IndexOfInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (IsInvalid(c)) return i;
        }
        return -1;
    }

    // Outside a valid pair, a surrogate is invalid too.
    private static bool IsInvalid(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
