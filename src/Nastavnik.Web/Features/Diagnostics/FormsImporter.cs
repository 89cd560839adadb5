using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>
/// The curator's choices over a preview: who the uncertain names are (<paramref name="Confirmations"/>, row → person), which rows
/// older than the round or than the teacher's answers in the app are loaded anyway (<paramref name="IncludeRows"/>, or all with
/// <paramref name="IncludeOlder"/>), and for the CLI whether a name with exactly one candidate is taken as it (never one of several).
/// </summary>
public sealed record FormsChoices(
    IReadOnlyDictionary<int, int>? Confirmations = null, IReadOnlyCollection<int>? IncludeRows = null, bool AcceptSingleCandidates = false, bool IncludeOlder = false);

/// <summary>
/// Import of self-assessment answers from a Google Forms / Yandex Forms export: reads every row, reports every problem by row and
/// column, says per teacher what will be added, replaced and deleted, skips rows older than the round or than the teacher's own
/// answers in the app unless the curator includes them, and writes in one transaction or nothing (FormsImporter.Commit.cs). Used
/// by the page and by the command line.
/// </summary>
public sealed partial class FormsImporter(AppDbContext db, ILogger<FormsImporter> log)
{
    public async Task<FormsImportPreview> PreviewAsync(TableFile file, FormsMapping mapping, DiagnosticsRound round, FormsChoices choices, CancellationToken ct = default)
    {
        var confirmations = choices.Confirmations;
        var problems = new List<FormsProblem>();
        var cols = Enumerable.Range(0, file.Headers.Count).Select(i => i < mapping.Columns.Count ? mapping.Columns[i] : new FormsColumnChoice(FormsColumnRole.Skip)).ToList();
        int? Col(FormsColumnRole role) { var i = cols.FindIndex(c => c.Role == role); return i < 0 ? null : i; }
        var fullCol = Col(FormsColumnRole.FullName);
        var lastCol = Col(FormsColumnRole.LastName);
        var firstCol = Col(FormsColumnRole.FirstName);
        var middleCol = Col(FormsColumnRole.MiddleName);
        var timeCol = Col(FormsColumnRole.Timestamp);
        if (fullCol is null && (lastCol is null || firstCol is null))
            problems.Add(new FormsProblem(0, "", "Не указан столбец с ФИО: выберите столбец «ФИО» или столбцы «фамилия» и «имя»."));
        if (!cols.Any(c => c.Role is FormsColumnRole.Offers or FormsColumnRole.Needs or FormsColumnRole.Grid))
            problems.Add(new FormsProblem(0, "", "Не указан ни один столбец с ответами: отметьте столбцы «могу быть наставником» и «нужна помощь»."));
        for (var i = 0; i < cols.Count; i++)
            if (cols[i].Role == FormsColumnRole.Grid && FormsImportColumns.BracketTopic(file.Headers[i]) is null)
                problems.Add(new FormsProblem(0, "", $"Столбец «{file.Headers[i]}»: тип «таблица» подходит только столбцу, в заголовке которого тема указана в квадратных скобках, например «Оцените темы [Кейс-технология]»."));
        if (file.Rows.Count == 0) problems.Add(new FormsProblem(0, "", "В файле есть заголовок, но нет ни одной строки с ответами."));
        if (problems.Count > 0) return new FormsImportPreview(file, mapping, [], problems, [], []);

        var topics = await db.Topics.AsNoTracking().Where(t => !t.IsRetired).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => !p.IsArchived).ToListAsync(ct);
        var topicMatcher = new FormsTopicMatcher(topics, mapping.Aliases);
        var nameMatcher = new FormsNameMatcher(people);
        var byId = people.ToDictionary(p => p.Id);
        var unknown = new Dictionary<string, (string Label, SortedSet<int> Rows, List<string> Columns)>();
        void Unknown(string label, int row, string column)
        {
            var key = FormsTopicMatcher.Key(label);
            if (!unknown.TryGetValue(key, out var u)) unknown[key] = u = (label, [], []);
            u.Rows.Add(row);
            if (!u.Columns.Contains(column)) u.Columns.Add(column);
        }
        var rows = new List<FormsRespondent>();

        foreach (var row in file.Rows)
        {
            var rowProblems = new List<FormsProblem>();
            string typed, nameColumn;
            if (fullCol is { } fc) { typed = row.Cell(fc); nameColumn = file.Headers[fc]; }
            else
            {
                typed = string.Join(' ', new[] { row.Cell(lastCol), row.Cell(firstCol), row.Cell(middleCol) }.Where(s => !string.IsNullOrWhiteSpace(s)));
                nameColumn = file.Headers[lastCol!.Value];
                if (string.IsNullOrWhiteSpace(row.Cell(lastCol))) typed = "";
            }
            typed = RussianText.Clean(typed) ?? "";
            DateTime? at = null;
            if (timeCol is { } tc && row.Cell(tc).Length > 0)
            {
                at = ParseTimestamp(row.Cell(tc));
                if (at is null) rowProblems.Add(new FormsProblem(row.Number, file.Headers[tc], $"ожидается дата и время ответа (например, «14.09.2026 10:25:00»), получено «{row.Cell(tc)}»."));
            }
            var match = typed.Length == 0 ? new NameMatch(NameMatchKind.None, []) : nameMatcher.Match(typed);
            var r = new FormsRespondent { Row = row.Number, TypedName = typed, NameColumn = nameColumn, SubmittedAt = at, Match = match };

            for (var i = 0; i < cols.Count; i++)
            {
                var choice = cols[i];
                var cell = row.Cell(i);
                if (choice.Role is not (FormsColumnRole.Offers or FormsColumnRole.Needs or FormsColumnRole.Grid) || cell.Length == 0) continue;
                var header = file.Headers[i];
                var level = choice.Value is >= 1 and <= 3 ? choice.Value : 2;
                if (FormsImportColumns.BracketTopic(header) is { } bracket)
                {
                    var topicId = topicMatcher.Find(bracket);
                    if (topicId is null) Unknown(bracket, row.Number, header);
                    var marks = ParseGridCell(cell, choice.Role, level, out var error);
                    foreach (var (kind, value) in marks)
                    {
                        if (topicId is > 0) (kind == FormsColumnRole.Offers ? r.Offers : r.Needs)[topicId.Value] = value;
                    }
                    if (error is not null) rowProblems.Add(new FormsProblem(row.Number, header, error));
                }
                else
                {
                    if (choice.Role == FormsColumnRole.Grid) continue;
                    foreach (var (label, topicId) in topicMatcher.Split(cell))
                    {
                        if (topicId is null) Unknown(label, row.Number, header);
                        else if (topicId > 0) (choice.Role == FormsColumnRole.Offers ? r.Offers : r.Needs)[topicId.Value] = level;
                    }
                }
            }

            if (typed.Length == 0)
                rowProblems.Add(new FormsProblem(row.Number, nameColumn, "ФИО не заполнено: без него ответ нельзя отнести к педагогу. Впишите ФИО в файл или удалите строку."));
            else if (match.Kind == NameMatchKind.None)
                rowProblems.Add(new FormsProblem(row.Number, nameColumn, $"педагог «{typed}» не найден в списке педагогов. Проверьте написание или добавьте педагога в раздел «Педагоги»."));
            else if (match.Kind == NameMatchKind.Exact)
            {
                r.PersonId = match.Candidates[0].PersonId;
            }
            else if (choices.AcceptSingleCandidates && match.Candidates.Count == 1)
            {
                r.PersonId = match.Candidates[0].PersonId;
                r.Confirmed = true;
            }
            else if (confirmations?.GetValueOrDefault(row.Number) is { } confirmed && byId.ContainsKey(confirmed))
            {
                r.PersonId = confirmed;
                r.Confirmed = true;
            }
            if (r.PersonId is { } pid)
            {
                var person = byId[pid];
                r.PersonName = person.FullName;
                if (person.Consent != ConsentStatus.Given)
                    rowProblems.Add(new FormsProblem(row.Number, nameColumn, $"у педагога «{person.FullName}» нет согласия на обработку персональных данных, ответы нельзя загрузить. Отметьте согласие в карточке педагога или удалите строку."));
            }
            problems.AddRange(rowProblems);
            rows.Add(r);
        }

        // Several answers of one person: the latest by the form's timestamp is used (the lower row when times are equal).
        var notes = new List<string>();
        foreach (var group in rows.Where(r => r.PersonId is not null).GroupBy(r => r.PersonId).Where(g => g.Count() > 1))
        {
            var latest = group.OrderByDescending(r => r.SubmittedAt ?? DateTime.MinValue).ThenByDescending(r => r.Row).First();
            foreach (var r in group.Where(r => r != latest))
            {
                r.SupersededBy = latest.Row;
                notes.Add($"Строка {r.Row}: у педагога «{r.PersonName}» есть более поздний ответ в строке {latest.Row}, загружается он.");
            }
        }
        await PlanAsync(rows, round, choices, ct);
        var unknownList = unknown.Select(u => new FormsUnknownTopic(u.Key, u.Value.Label, u.Value.Rows.ToList(), u.Value.Columns)).OrderBy(u => u.Rows[0]).ToList();
        return new FormsImportPreview(file, mapping, rows, problems, unknownList, notes);
    }

    private static readonly string[] Nothing = ["не нужно", "нет", "не могу", "-", "—", "не требуется", "не знаю"];

    /// <summary>
    /// A cell of a grid column. For «таблица»: «Могу быть наставником», «Нужна помощь», both, or «Не нужно», each optionally with a
    /// level 1–3 («Могу быть наставником (3)»). For a bracket column marked offers or needs: «да», a tick, or the level itself.
    /// </summary>
    internal static List<(FormsColumnRole Kind, int Value)> ParseGridCell(string cell, FormsColumnRole role, int level, out string? error)
    {
        error = null;
        var result = new List<(FormsColumnRole, int)>();
        foreach (var raw in cell.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = RussianText.Fold(raw).TrimEnd('.');
            if (Nothing.Contains(part) || part.StartsWith("не нужн")) continue;
            var digits = DigitRegex().Match(part);
            var value = level;
            if (digits.Success)
            {
                if (!int.TryParse(digits.Value, out value) || value is < 1 or > 3)
                {
                    error = $"уровень или приоритет должен быть от 1 до 3, получено «{raw}».";
                    continue;
                }
            }
            var offer = part.Contains("наставник");
            var need = part.Contains("помощ") || part.Contains("затрудн") || part.Contains("дефицит");
            if (offer && !need) result.Add((FormsColumnRole.Offers, value));
            else if (need && !offer) result.Add((FormsColumnRole.Needs, value));
            else if (role != FormsColumnRole.Grid && (digits.Success || part is "да" or "+" or "v" or "✓" or "✔" or "x" or "х"))
                result.Add((role, value));
            else
                error = role == FormsColumnRole.Grid
                    ? $"ожидается «Могу быть наставником», «Нужна помощь» или «Не нужно», получено «{raw}»."
                    : $"ожидается «да» или уровень от 1 до 3, получено «{raw}».";
        }
        return result;
    }

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex DigitRegex();
}
