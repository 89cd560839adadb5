using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

using Item = IReadOnlyDictionary<string, string?>;

public sealed partial class ProgramOrders
{
    /// <summary>
    /// The mentors of the program's pairs and groups with their position, topics and mentees: every mentor for their appointment, the
    /// mentors of pairs that completed their work for the reward. The mentors read the order too.
    /// </summary>
    private async Task<CommandError?> MentorsAsync(MentoringProgram program, DocumentData data, bool completedOnly, CancellationToken ct)
    {
        var mentors = await MentorRowsAsync(program.Id, completedOnly, ct);
        if (mentors.Count == 0)
            return CommandError.Invalid(completedOnly
                ? "Ни одна пара программы не завершила работу: поощрять по итогам пока некого."
                : "В программе нет наставнических пар: назначать наставниками некого. Сначала подберите и утвердите пары.");
        data.SetItems("Педагоги", mentors.Select((m, i) => (Item)new Dictionary<string, string?>
        {
            ["Номер"] = (i + 1).ToString(RussianText.Culture), ["ФИО"] = m.Mentor.Full, ["Кому"] = m.Mentor.In(NameCase.Dative),
            ["Должность"] = m.Mentor.Position, ["Направления"] = string.Join("\n", m.Topics), ["Наставляемые"] = string.Join("\n", m.Mentees),
        }));
        GeneratedOrder.SetReaders(data, GeneratedOrder.ReadersOf(data).Concat(mentors.Select(m => (m.Mentor.Id, m.Mentor.Full))));
        return null;
    }

    /// <summary>A mentor of the program with their topics and mentees, in alphabetical order.</summary>
    private sealed record MentorRow(Named Mentor, List<string> Topics, List<string> Mentees);

    private async Task<List<MentorRow>> MentorRowsAsync(int programId, bool completedOnly, CancellationToken ct)
    {
        var rows = await db.MentoringPairs.AsNoTracking()
            .Where(p => p.ProgramId == programId && (!completedOnly || p.Status == PairStatus.Completed))
            .Select(p => new
            {
                Mentor = new Named(p.MentorId, p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName, p.Mentor.Position),
                p.MentorId,
                Mentee = PersonName.Full(p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName),
                Topic = p.Topic!.Direction!.Name + ": " + p.Topic.Name,
            }).ToListAsync(ct);
        var order = StringComparer.Create(RussianText.Culture, true);
        return rows.GroupBy(r => r.MentorId).Select(g => new MentorRow(g.First().Mentor,
                g.Select(r => r.Topic).Distinct().Order(order).ToList(), g.Select(r => r.Mentee).Distinct().Order(order).ToList()))
            .OrderBy(m => m.Mentor.Full, order).ToList();
    }

    /// <summary>
    /// The year's outcome: how many pairs worked and how they ended, how many mentors and mentees, and every indicator against this
    /// year's target — frozen at completion for a completed program, computed on the order's date otherwise.
    /// </summary>
    private async Task<CommandError?> ResultsAsync(MentoringProgram program, DocumentData data, DateOnly day, CancellationToken ct)
    {
        var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == program.Id)
            .Select(p => new { p.Status, p.MentorId, p.MenteeId }).ToListAsync(ct);
        if (pairs.Count == 0) return CommandError.Invalid("В программе не было наставнических пар: подводить итоги не по чему.");
        int Count(PairStatus s) => pairs.Count(p => p.Status == s);
        var live = Count(PairStatus.Approved) + Count(PairStatus.Active);
        data.Set("Итоги.Пары", $"наставнических пар (наставник — наставляемый) — {pairs.Count}, из них завершили работу — {Count(PairStatus.Completed)}, "
                + $"завершили досрочно — {Count(PairStatus.EndedEarly)}, продолжают работу — {live}")
            .Set("Итоги.Наставники", pairs.Select(p => p.MentorId).Distinct().Count().ToString(RussianText.Culture))
            .Set("Итоги.Наставляемые", pairs.Select(p => p.MenteeId).Distinct().Count().ToString(RussianText.Culture));
        var report = program.Status == ProgramStatus.Completed && await IndicatorSnapshots.ReadAsync(db, program.Id, ct) is { } frozen
            ? frozen.Report : (await indicators.ComputeAsync(program.Id, day, ct))!;
        data.SetItems("Показатели", report.Indicators.Select((x, i) => (Item)new Dictionary<string, string?>
        {
            ["Номер"] = (i + 1).ToString(RussianText.Culture), ["Название"] = x.Name, ["Цель"] = MonitoringTexts.Value(x.Target, x.Unit),
            ["Значение"] = MonitoringTexts.Value(x.Value, x.Unit), ["Оценка"] = MonitoringTexts.Status(x),
        }));
        return null;
    }
}
