using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Surveys;
using Nastavnik.Web.Files.Charts;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

using Item = IReadOnlyDictionary<string, string?>;

public sealed partial class ProgramReports
{
    /// <summary>
    /// Every indicator against this year's target with its formula and source: frozen at completion for a completed program's final
    /// report, computed at the period's end (or today) otherwise; the chart shows each as a share of its target.
    /// </summary>
    private async Task IndicatorsAsync(MentoringProgram program, DateOnly asOf, bool quarter, DocumentData data, CancellationToken ct)
    {
        ProgramIndicatorReport report;
        if (!quarter && program.Status == ProgramStatus.Completed && await IndicatorSnapshots.ReadAsync(db, program.Id, ct) is { } frozen)
        {
            report = frozen.Report;
            data.Set("Отчёт.ОснованиеПоказателей", $"Значения показателей зафиксированы при завершении программы {RussianText.Date(DateOnly.FromDateTime(SchoolTime.Local(frozen.TakenAt)))}.");
        }
        else
        {
            report = (await indicators.ComputeAsync(program.Id, asOf, ct))!;
            data.Set("Отчёт.ОснованиеПоказателей", $"Значения показателей рассчитаны на {RussianText.Date(asOf)}; целевые значения — на {report.Year} год.");
        }
        data.SetItems("Показатели", report.Indicators.Select((x, i) => (Item)new Dictionary<string, string?>
        {
            ["Номер"] = (i + 1).ToString(RussianText.Culture), ["Название"] = x.Name,
            ["Формула"] = x.Formula + (string.IsNullOrWhiteSpace(x.Source) ? "" : "\nИсточник: " + x.Source),
            ["Цель"] = MonitoringTexts.Value(x.Target, x.Unit), ["Значение"] = MonitoringTexts.Value(x.Value, x.Unit), ["Оценка"] = MonitoringTexts.Status(x),
        }));
        var bars = report.Indicators.Select(x =>
        {
            if (x.Value is not { } v || x.Target is not { } t || t == 0)
                return new ChartBar(x.Name, 0, x.Value is null ? "нет данных" : "цель не задана", ChartTone.Muted);
            var share = (double)(v / t * 100);
            return new ChartBar(x.Name, share, $"{share.ToString("0", RussianText.Culture)} %", x.Status switch
            {
                IndicatorStatus.Met => ChartTone.Good,
                IndicatorStatus.Near => ChartTone.Near,
                IndicatorStatus.Below => ChartTone.Bad,
                _ => ChartTone.Muted,
            });
        }).ToList();
        data.SetImage("Диаграмма.Показатели", ChartPainter.HorizontalBars("Достижение целевых показателей, % от цели", bars, 150, 100, "цель — 100 %"));
    }

    /// <summary>The program's SWOT analysis, factor by factor in the order S, W, O, T.</summary>
    private async Task SwotAsync(MentoringProgram program, DocumentData data, CancellationToken ct)
    {
        var swot = await SwotQueries.ForProgramAsync(db, program.Id, ct);
        data.SetItems("SWOT", (swot?.Quadrants ?? []).SelectMany(q => q.Items.Select(i => (Item)new Dictionary<string, string?>
        {
            ["Группа"] = q.Title, ["Фактор"] = i.Text, ["Упоминаний"] = i.Count == 0 ? "—" : i.Count.ToString(RussianText.Culture),
        })));
    }

    /// <summary>
    /// The satisfaction of the program's surveys (those with a deadline in the period for a quarter): the mean and the share satisfied
    /// of each scale question, as aggregates only. An anonymous survey with fewer than five answers is only named, with its count.
    /// </summary>
    private async Task SurveysAsync(MentoringProgram program, DateOnly? from, DateOnly? to, DocumentData data, CancellationToken ct)
    {
        var ids = await db.Surveys.AsNoTracking().Where(s => s.ProgramId == program.Id && s.Status != SurveyStatus.Draft && s.Kind != SurveyKind.Pulse
                && (from == null || (s.Deadline >= from && s.Deadline <= to)))
            .OrderBy(s => s.Deadline).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var rows = new List<Item>();
        var hidden = new List<string>();
        foreach (var id in ids)
        {
            if (await SurveyResults.ForSurveyAsync(db, id, ct) is not { } r) continue;
            if (r.Hidden)
            {
                hidden.Add($"«{r.Survey.Title}» ({RussianText.Plural(r.Responses, "ответ", "ответа", "ответов")})");
                continue;
            }
            foreach (var q in r.Questions.Where(q => q.Type is QuestionType.Scale5 or QuestionType.Scale10 && q.Mean is not null))
                rows.Add(new Dictionary<string, string?>
                {
                    ["Опрос"] = r.Survey.Title + (r.Survey.Anonymous ? " (анонимный)" : ""), ["Ответов"] = q.Answered.ToString(RussianText.Culture),
                    ["Вопрос"] = q.Text,
                    ["Результат"] = $"средний балл {q.Mean!.Value.ToString("0.0", RussianText.Culture)} из {(q.Type == QuestionType.Scale5 ? 5 : 10)}"
                        + (q.SatisfiedShare is { } s ? $"; удовлетворены — {(s * 100).ToString("0", RussianText.Culture)} %" : ""),
                });
        }
        if (await PulsesAsync(program, from, to, ct) is { } pulses) rows.Add(pulses);
        data.SetItems("Опросы", rows);
        data.Set("Итоги.Опросы", rows.Count == 0 && hidden.Count == 0 ? "Опросов об удовлетворённости в отчётном периоде не проводилось."
            : $"Опросов программы — {ids.Count}; результаты приведены как средние и доли, без имён отвечавших."
              + (hidden.Count == 0 ? "" : $" Не показаны результаты опросов, где ответов меньше {AppDbContext.MinAnonymousGroup} (для сохранения анонимности): {string.Join(", ", hidden)}."));
    }

    /// <summary>
    /// The pairs' pulses (a survey per pair every 60 days) as one row: all their satisfaction answers of the period together, shown
    /// from five answers on.
    /// </summary>
    private async Task<Item?> PulsesAsync(MentoringProgram program, DateOnly? first, DateOnly? last, CancellationToken ct)
    {
        var answers = await (from a in db.SurveyAnswers.AsNoTracking()
                             join q in db.SurveyQuestions on a.QuestionId equals q.Id
                             join s in db.Surveys on q.SurveyId equals s.Id
                             join r in db.SurveyResponses on a.ResponseId equals r.Id
                             where s.ProgramId == program.Id && s.Kind == SurveyKind.Pulse && q.Measure == QuestionMeasure.Satisfaction && a.Number != null
                                 && (first == null || (r.Day >= first && r.Day <= last))
                             select new { a.Number, q.SatisfiedFrom }).ToListAsync(ct);
        if (answers.Count < AppDbContext.MinAnonymousGroup) return null;
        var mean = (decimal)answers.Average(a => a.Number!.Value);
        var rated = answers.Where(a => a.SatisfiedFrom != null).ToList();
        return new Dictionary<string, string?>
        {
            ["Опрос"] = "Пульс пар (все пары вместе)", ["Ответов"] = answers.Count.ToString(RussianText.Culture), ["Вопрос"] = "Удовлетворённость работой пары",
            ["Результат"] = $"средний балл {mean.ToString("0.0", RussianText.Culture)} из 5"
                + (rated.Count > 0 ? $"; удовлетворены — {(100m * rated.Count(a => a.Number >= a.SatisfiedFrom) / rated.Count).ToString("0", RussianText.Culture)} %" : ""),
        };
    }
}
