using System.Text;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>
/// Logins made from a name by one stated standard: the transliteration of ICAO Doc 9303 used in Russian passports since 2014
/// (ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ъ ie, ы y, ь dropped, э e, ю iu, я ia, й i, ё e): surname, a dot, the initials,
/// lower case — «Ёлкина Анна Петровна» → <c>elkina.ap</c>. Namesakes get 2, 3… (<c>elkina.ap2</c>).
/// </summary>
public static class Logins
{
    private static readonly Dictionary<char, string> Icao = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch",
        ['ъ'] = "ie", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "iu", ['я'] = "ia",
    };

    /// <summary>The ICAO transliteration of a text, lower case; Latin letters and digits stay, a hyphen stays, the rest is dropped.</summary>
    public static string Transliterate(string? text)
    {
        var sb = new StringBuilder();
        foreach (var c in (text ?? "").ToLowerInvariant())
        {
            if (Icao.TryGetValue(c, out var latin)) sb.Append(latin);
            else if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') sb.Append(c);
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>The login a person's name gives before namesakes are counted: <c>surname.initials</c>, at most 60 characters.</summary>
    public static string Base(string lastName, string firstName, string? middleName)
    {
        var surname = Transliterate(lastName);
        if (surname.Length > 50) surname = surname[..50];
        var initials = Initial(firstName) + Initial(middleName);
        if (surname.Length == 0) surname = "user";
        var login = initials.Length > 0 ? $"{surname}.{initials}" : surname;
        return login.Length >= 3 ? login : login + "-user";
    }

    private static string Initial(string? name)
    {
        var t = Transliterate(string.IsNullOrWhiteSpace(name) ? "" : name.Trim()[..1]);
        return t.Length > 0 ? t[..1] : "";
    }

    /// <summary>
    /// The first free login from <paramref name="baseLogin"/>: itself, then with 2, 3…; <paramref name="taken"/> holds the logins
    /// already used (upper case, as Identity normalizes them) and receives the one returned.
    /// </summary>
    public static string Unique(string baseLogin, ISet<string> taken)
    {
        var login = baseLogin;
        for (var n = 2; taken.Contains(login.ToUpperInvariant()); n++) login = baseLogin + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        taken.Add(login.ToUpperInvariant());
        return login;
    }
}
