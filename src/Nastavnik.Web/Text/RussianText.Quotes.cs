namespace Nastavnik.Web.Text;

public static partial class RussianText
{
    /// <summary>
    /// «text» for a name inside a sentence; quotes inside the text become „lapki“, so a topic «Конкурс «Учитель года»» reads
    /// «Конкурс „Учитель года“» instead of nesting «ёлочки» in «ёлочки» (issue 10, item 23).
    /// </summary>
    public static string Quote(string? text) => $"«{Inner(text)}»";

    /// <summary>The text with its own «ёлочки» turned into „лапки“, for a place already inside «…» (a Razor view writes the outer pair).</summary>
    public static string Inner(string? text) => (text ?? "").Replace('«', '„').Replace('»', '“');
}
