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
    public bool NeedsConfirmation => Match.Kind == NameMatchKind.Uncertain && PersonId is null;
    public bool Uses => PersonId is not null && SupersededBy is null;
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
    public bool CanCommit => Problems.Count == 0 && ToConfirm == 0 && UnknownTopics.Count == 0 && People > 0;
}

public sealed record FormsImportResult(int People, int ResponsesCreated, int ResponsesUpdated, int Added, int Changed, int Removed)
{
    public bool NoChanges => ResponsesCreated + ResponsesUpdated + Added + Changed + Removed == 0;

    /// <summary>What the import did, in the words the page's flash and the CLI both print.</summary>
    public string Summary => NoChanges
        ? $"Загрузка завершена, изменений нет: ответы {RussianText.Plural(People, "педагога", "педагогов", "педагогов")} уже совпадают с файлом."
        : $"Загрузка завершена: ответы {RussianText.Plural(People, "педагога", "педагогов", "педагогов")} записаны в тур диагностики (впервые — {ResponsesCreated}, обновлены — {ResponsesUpdated}; отметок «наставник» и «нужна помощь» добавлено — {Added}, изменено — {Changed}, удалено — {Removed}).";
}
