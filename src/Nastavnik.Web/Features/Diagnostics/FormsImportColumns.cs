using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>What a column of a Forms export holds.</summary>
public enum FormsColumnRole { Skip, Timestamp, FullName, LastName, FirstName, MiddleName, Email, Offers, Needs, Grid }

/// <summary>The choice for one column: its role and, for offers and needs, the level or priority (1–3) its topics get.</summary>
public sealed record FormsColumnChoice(FormsColumnRole Role, int Value = 2);

/// <summary>
/// The column mapping of one file plus the curator's aliases of topic labels (label key → topic id; <see cref="IgnoreTopic"/> = not loaded).
/// Saved per school under the hash of the file's headers, so the next export of the same form maps itself.
/// </summary>
public sealed record FormsMapping(IReadOnlyList<FormsColumnChoice> Columns, IReadOnlyDictionary<string, int> Aliases, bool Saved)
{
    public const int IgnoreTopic = -1;
}

public static partial class FormsImportColumns
{
    public static readonly (FormsColumnRole Role, string Title)[] Roles =
    [
        (FormsColumnRole.Skip, "не загружать"),
        (FormsColumnRole.Timestamp, "отметка времени"),
        (FormsColumnRole.FullName, "ФИО"),
        (FormsColumnRole.LastName, "фамилия"),
        (FormsColumnRole.FirstName, "имя"),
        (FormsColumnRole.MiddleName, "отчество"),
        (FormsColumnRole.Email, "e-mail"),
        (FormsColumnRole.Offers, "«могу быть наставником»"),
        (FormsColumnRole.Needs, "«нужна помощь»"),
        (FormsColumnRole.Grid, "таблица: наставник / помощь по теме"),
    ];

    public static string Title(FormsColumnRole role) => Roles.First(r => r.Role == role).Title;

    /// <summary>The topic named in brackets at the end of a Google Forms grid header: «Оцените темы [Кейс-технология]».</summary>
    public static string? BracketTopic(string header)
    {
        var m = BracketRegex().Match(header);
        return m.Success ? m.Groups[2].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(.*)\[([^\[\]]+)\]\s*$")]
    private static partial Regex BracketRegex();

    public static FormsColumnChoice Guess(string header)
    {
        var h = RussianText.Fold(header);
        var question = BracketTopic(header) is null ? h : RussianText.Fold(BracketRegex().Match(header).Groups[1].Value);
        var offers = question.Contains("наставник");
        var needs = question.Contains("помощ") || question.Contains("затрудн") || question.Contains("дефицит");
        if (BracketTopic(header) is not null)
            return new FormsColumnChoice(offers && !needs ? FormsColumnRole.Offers : needs && !offers ? FormsColumnRole.Needs : FormsColumnRole.Grid);
        if (h.Contains("отметка времени") || h.Contains("timestamp") || h.Contains("дата и время") || h.StartsWith("время ") || h == "время" || h.Contains("дата заполнения"))
            return new(FormsColumnRole.Timestamp);
        if (h.Contains("фио") || h.Contains("ф.и.о") || h.Contains("ф. и. о") || (h.Contains("фамилия") && h.Contains("имя")))
            return new(FormsColumnRole.FullName);
        if (h.Contains("фамилия")) return new(FormsColumnRole.LastName);
        if (h.Contains("отчество")) return new(FormsColumnRole.MiddleName);
        if (h == "имя" || h.StartsWith("имя ") || h.StartsWith("ваше имя")) return new(FormsColumnRole.FirstName);
        if (h.Contains("почт") || h.Contains("e-mail") || h.Contains("email")) return new(FormsColumnRole.Email);
        if (offers && !needs) return new(FormsColumnRole.Offers);
        if (needs && !offers) return new(FormsColumnRole.Needs);
        return new(FormsColumnRole.Skip);
    }

    /// <summary>SHA-256 of the folded, sorted headers: two exports of the same form share it whatever the column order.</summary>
    public static string HeaderKey(IEnumerable<string> headers)
    {
        var text = string.Join("\n", headers.Select(RussianText.Fold).OrderBy(h => h, StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    private sealed class Stored
    {
        public Dictionary<string, FormsColumnChoice> Columns { get; set; } = [];
        public Dictionary<string, int> Aliases { get; set; } = [];
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The saved mapping of these headers, else a guess from the Russian headers.</summary>
    public static async Task<FormsMapping> LoadAsync(AppDbContext db, IReadOnlyList<string> headers, CancellationToken ct)
    {
        var key = HeaderKey(headers);
        var saved = await db.FormsImportMappings.AsNoTracking().FirstOrDefaultAsync(m => m.HeaderKey == key, ct);
        var stored = saved is null ? null : JsonSerializer.Deserialize<Stored>(saved.MappingJson, Json);
        var columns = headers.Select(h => stored?.Columns.GetValueOrDefault(RussianText.Fold(h)) ?? Guess(h)).ToList();
        return new FormsMapping(columns, stored?.Aliases ?? [], saved is not null);
    }

    public static async Task SaveAsync(AppDbContext db, IReadOnlyList<string> headers, FormsMapping mapping, string userName, CancellationToken ct)
    {
        var key = HeaderKey(headers);
        var stored = new Stored { Aliases = mapping.Aliases.ToDictionary() };
        for (var i = 0; i < headers.Count && i < mapping.Columns.Count; i++) stored.Columns.TryAdd(RussianText.Fold(headers[i]), mapping.Columns[i]);
        var json = JsonSerializer.Serialize(stored, Json);
        var row = await db.FormsImportMappings.FirstOrDefaultAsync(m => m.HeaderKey == key, ct);
        if (row is null) db.FormsImportMappings.Add(new FormsImportMapping { HeaderKey = key, MappingJson = json, UpdatedBy = userName });
        else if (row.MappingJson != json) { row.MappingJson = json; row.UpdatedBy = userName; row.UpdatedAt = db.Clock.UtcTime(); }
        await db.SaveChangesAsync(ct);
    }
}
