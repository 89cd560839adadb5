using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

public sealed record FormsProblem(int Row, string Column, string Message)
{
    public override string ToString() => Row > 0 ? (Column.Length > 0 ? $"Строка {Row}, столбец «{Column}»: {Message}" : $"Строка {Row}: {Message}") : Message;
}

/// <summary>A topic label of the file that the catalog does not know, with where it occurs.</summary>
public sealed record FormsUnknownTopic(string Key, string Label, IReadOnlyList<int> Rows, IReadOnlyList<string> Columns);

/// <summary>Why a matched row is not written unless the curator includes it (<see cref="FormsRespondent.Included"/>).</summary>
public enum FormsSkip
{
    None,
    /// <summary>The form was answered before the round opened.</summary>
    BeforeRound,
    /// <summary>The teacher (or the curator for them) saved answers in the app after the form was answered.</summary>
    OlderThanApp,
    /// <summary>The row has no time, and the teacher has answers saved in the app: which is newer cannot be told.</summary>
    NoTimeOverApp,
    /// <summary>No topic of the row is loaded: nothing is written and nothing deleted (never included).</summary>
    Empty,
}

public enum FormsChangeKind { Add, Replace, Delete }

/// <summary>One change a row makes to a teacher's answers: an offer (level) or a need (priority) of a topic.</summary>
public sealed record FormsChange(FormsChangeKind Kind, bool IsOffer, string Topic, int? From, int? To);

/// <summary>One respondent row: who it is (or who it may be), when they answered and what they marked.</summary>
public sealed class FormsRespondent
{
    public required int Row { get; init; }
    public required string TypedName { get; init; }
    public string NameColumn { get; init; } = "";
    public DateTime? SubmittedAt { get; init; }
    public NameMatch Match { get; init; } = new(NameMatchKind.None, []);
    /// <summary>The person the answers go to: the certain match or the curator's confirmation.</summary>
    public int? PersonId { get; set; }
    public string? PersonName { get; set; }
    public bool Confirmed { get; set; }
    public Dictionary<int, int> Offers { get; } = [];
    public Dictionary<int, int> Needs { get; } = [];
    /// <summary>Row of a later answer of the same person that is used instead of this one.</summary>
    public int? SupersededBy { get; set; }
    /// <summary>Why the row is skipped by default; <see cref="Included"/> overrides it (except for an empty row).</summary>
    public FormsSkip Skip { get; set; }
    public bool Included { get; set; }
    /// <summary>The round's opening, or the teacher's last save in the app, that the row is older than.</summary>
    public DateTime? SkipSince { get; set; }
    /// <summary>What writing the row changes in the teacher's answers (filled for every matched row that is not superseded).</summary>
    public List<FormsChange> Changes { get; } = [];
    public bool NeedsConfirmation => Match.Kind == NameMatchKind.Uncertain && PersonId is null;
    public bool MaySkip => Skip is FormsSkip.BeforeRound or FormsSkip.OlderThanApp or FormsSkip.NoTimeOverApp;
    public bool Uses => PersonId is not null && SupersededBy is null && (Skip == FormsSkip.None || (Included && MaySkip));
    public bool SkippedAsOlder => PersonId is not null && SupersededBy is null && MaySkip && !Included;

    /// <summary>What happens to the teacher's answers, line by line, in the words the page and the CLI both show.</summary>
    public IReadOnlyList<string> Plan()
    {
        var since = SkipSince is { } t ? FormsImporter.SchoolTime(t) : "";
        var answered = SubmittedAt is { } at ? FormsImporter.SchoolTime(at) : "";
        var why = Skip switch
        {
            FormsSkip.BeforeRound => $"ответ в файле ({answered}) дан до начала диагностики ({since})",
            FormsSkip.OlderThanApp => $"ответ в файле ({answered}) старше ответов, сохранённых в приложении ({since})",
            FormsSkip.NoTimeOverApp => $"у ответа в файле нет отметки времени, а в приложении есть ответы, сохранённые {since}",
            _ => "",
        };
        if (Skip == FormsSkip.Empty) return ["не загружается: в строке нет ни одной темы для загрузки, ответы педагога остаются как есть"];
        if (!Uses) return [$"не загружается: {why}"];
        var lines = new List<string>();
        if (Skip != FormsSkip.None) lines.Add($"загружается по выбору куратора, хотя {why}");
        foreach (var (kind, verb) in new[] { (FormsChangeKind.Add, "добавится"), (FormsChangeKind.Replace, "заменится"), (FormsChangeKind.Delete, "удалится") })
        {
            var parts = new List<string>();
            foreach (var offer in new[] { true, false })
            {
                var items = Changes.Where(c => c.Kind == kind && c.IsOffer == offer).Select(c => kind == FormsChangeKind.Replace
                    ? $"«{c.Topic}» ({(offer ? "уровень" : "приоритет")} {c.From} → {c.To})" : $"«{c.Topic}»").ToList();
                if (items.Count > 0) parts.Add($"{(offer ? "наставник" : "помощь")} — {string.Join(", ", items)}");
            }
            if (parts.Count > 0) lines.Add($"{verb}: {string.Join("; ", parts)}");
        }
        if (lines.Count == 0 || (lines.Count == 1 && Skip != FormsSkip.None)) lines.Add("без изменений: ответы уже совпадают с файлом");
        return lines;
    }
}

public sealed record FormsImportPreview(
    TableFile File, FormsMapping Mapping, IReadOnlyList<FormsRespondent> Rows, IReadOnlyList<FormsProblem> Problems,
    IReadOnlyList<FormsUnknownTopic> UnknownTopics, IReadOnlyList<string> Notes)
{
    public int Matched => Rows.Count(r => r.PersonId is not null);
    public int ToConfirm => Rows.Count(r => r.NeedsConfirmation);
    public int OffersToWrite => Rows.Where(r => r.Uses).Sum(r => r.Offers.Count);
    public int NeedsToWrite => Rows.Where(r => r.Uses).Sum(r => r.Needs.Count);
    public int People => Rows.Count(r => r.Uses);
    /// <summary>Rows skipped because they are older than the round or than the teacher's answers in the app (the curator may include them).</summary>
    public int SkippedAsOlder => Rows.Count(r => r.SkippedAsOlder);
    /// <summary>The rows the per-teacher plan lists: every matched row that is the person's latest.</summary>
    public IEnumerable<FormsRespondent> Planned => Rows.Where(r => r.PersonId is not null && r.SupersededBy is null);
    public bool CanCommit => Problems.Count == 0 && ToConfirm == 0 && UnknownTopics.Count == 0 && People > 0;
}

public sealed record FormsImportResult(int People, int ResponsesCreated, int ResponsesUpdated, int Added, int Changed, int Removed, int SkippedAsOlder = 0)
{
    public bool NoChanges => ResponsesCreated + ResponsesUpdated + Added + Changed + Removed == 0;

    /// <summary>What the import did, in the words the page's flash and the CLI both print.</summary>
    public string Summary => NoChanges
        ? $"Загрузка завершена, изменений нет: ответы {RussianText.Plural(People, "педагога", "педагогов", "педагогов")} уже совпадают с файлом."
        : $"Загрузка завершена: ответы {RussianText.Plural(People, "педагога", "педагогов", "педагогов")} записаны в тур диагностики (впервые — {ResponsesCreated}, обновлены — {ResponsesUpdated}; отметок «наставник» и «нужна помощь» добавлено — {Added}, изменено — {Changed}, удалено — {Removed})."
        + (SkippedAsOlder == 0 ? "" : $" Не загружены ответы, данные раньше начала диагностики или раньше ответов в приложении: {RussianText.Plural(SkippedAsOlder, "строка", "строки", "строк")}.");
}
