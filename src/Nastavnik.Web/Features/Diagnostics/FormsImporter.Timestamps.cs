using System.Globalization;
using System.Text.RegularExpressions;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>The times in a Forms export: Moscow time unless the file says otherwise, read in the formats Google and Yandex write.</summary>
public sealed partial class FormsImporter
{
    private static readonly TimeSpan SchoolOffset = TimeSpan.FromHours(3);

    /// <summary>A form's time as the school sees it in the file (Moscow time), «dd.MM.yyyy HH:mm».</summary>
    public static string SchoolTime(DateTime utc) => (utc + SchoolOffset).ToString("dd.MM.yyyy HH:mm", RussianText.Culture);
    private static readonly string[] LocalFormats =
    [
        "dd.MM.yyyy H:mm:ss", "d.M.yyyy H:mm:ss", "dd.MM.yyyy H:mm", "d.M.yyyy H:mm", "dd.MM.yyyy",
        "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd H:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd",
        "yyyy/MM/dd H:mm:ss", "yyyy/M/d H:mm:ss", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss tt", "yyyy/M/d h:mm:ss tt",
    ];

    /// <summary>
    /// A form's timestamp as Google and Yandex export it: «14.09.2026 10:25:03», «2026/09/14 10:25:03 AM GMT+3», ISO 8601 with or
    /// without an offset, or an Excel date number. Times without an offset are Moscow time. Returned in UTC.
    /// </summary>
    public static DateTime? ParseTimestamp(string text)
    {
        var s = RussianText.Clean(text);
        if (s is null) return null;
        var zone = ZoneRegex().Match(s);
        var offset = SchoolOffset;
        if (zone.Success)
        {
            var h = int.Parse(zone.Groups[2].Value, CultureInfo.InvariantCulture);
            var m = zone.Groups[3].Success ? int.Parse(zone.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            offset = new TimeSpan(h, m, 0) * (zone.Groups[1].Value == "-" ? -1 : 1);
            s = s[..zone.Index].Trim();
        }
        else if (s.EndsWith(" GMT") || s.EndsWith(" UTC")) { offset = TimeSpan.Zero; s = s[..^4]; }
        s = s.Replace("ДП", "AM").Replace("ПП", "PM");
        if (DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        if (!zone.Success && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto) && HasOffset(s))
            return dto.UtcDateTime;
        if (double.TryParse(s.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var oa) && oa is > 20000 and < 80000)
            return DateTime.SpecifyKind(DateTime.FromOADate(oa) - SchoolOffset, DateTimeKind.Utc);
        return null;
    }

    private static bool HasOffset(string s) => s.EndsWith('Z') || OffsetRegex().IsMatch(s);

    [GeneratedRegex(@"\s*(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$")]
    private static partial Regex ZoneRegex();

    [GeneratedRegex(@"T.*[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetRegex();
}
