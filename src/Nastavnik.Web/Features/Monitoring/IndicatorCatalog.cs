using System.Globalization;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Activities;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>An indicator the program names, with this year's target.</summary>
public sealed record NamedIndicator(int Id, string Code, string Name, string Unit, decimal? Target);

/// <summary>
/// The indicators computed from the data, with their Russian names, formulas and source data, and how a program's indicators map to
/// them: a program indicator whose code is one of <see cref="Codes"/> takes the computed value with its own name and target; any other
/// code is an external indicator (the latest value the curator entered on or before the day). Computed indicators the program does not
/// name follow without a target.
/// </summary>
public static class IndicatorCatalog
{
    public const string Coverage = "coverage", Deficits = "deficits", RecentMeetings = "recent_meetings", Meetings = "meetings",
        Activities = "activities", LessonVisits = "lesson_visits", Consultations = "consultations", Hours = "hours",
        Satisfaction = "satisfaction", Growth = "growth", BothRoles = "both_roles", Engagement = "engagement";

    public static readonly IReadOnlyList<string> Codes =
        [Coverage, Deficits, RecentMeetings, Meetings, Activities, LessonVisits, Consultations, Hours, Satisfaction, Growth, BothRoles, Engagement];

    public static bool IsComputed(string code) => Codes.Contains(code);

    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The program's indicators first (in their order), then the computed ones it does not name.</summary>
    public static IReadOnlyList<IndicatorResult> Build(IndicatorFacts f, IReadOnlyList<NamedIndicator> named)
    {
        var computed = Compute(f).ToDictionary(c => c.Code);
        var results = new List<IndicatorResult>();
        var duplicated = named.GroupBy(n => n.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var n in named)
        {
            if (computed.Remove(n.Code, out var c))
                results.Add(c with { Name = n.Name, Unit = n.Unit, Target = n.Target, Status = IndicatorFormulas.Status(c.Value, n.Target), IndicatorId = n.Id });
            else if (!IsComputed(n.Code))
                results.Add(External(f, n, duplicated.Contains(n.Code) ? $"{n.Code}-{n.Id}" : n.Code));
        }
        results.AddRange(computed.Values);
        return results;
    }

    private static IndicatorResult External(IndicatorFacts f, NamedIndicator n, string code)
    {
        var latest = IndicatorFormulas.LatestExternal(f, n.Id);
        var source = latest is null
            ? $"Значений на {Day(f.AsOf)} не внесено."
            : $"Последнее значение на {Day(f.AsOf)}: {Number(latest.Value)} {n.Unit} от {Day(latest.Date)} (внесено куратором; всего значений: {f.ExternalValues.Count(v => v.IndicatorId == n.Id)}).";
        return new IndicatorResult(code, n.Name, n.Unit, latest?.Value, n.Target, IndicatorFormulas.Status(latest?.Value, n.Target),
            "Внешний показатель: последнее значение, внесённое куратором с датой, источником и подтверждающим документом, на дату отчёта или раньше",
            source, null, null, true, n.Id);
    }

    private static IEnumerable<IndicatorResult> Compute(IndicatorFacts f)
    {
        var on = Day(f.AsOf);
        var coverage = IndicatorFormulas.Coverage(f);
        yield return ShareResult(Coverage, "Охват педагогов наставничеством", coverage,
            "Доля педагогов в действующих или завершённых парах программы от всех работающих педагогов школы",
            $"Педагогов в парах или группах программы (наставники и наставляемые) на {on}: {coverage.Numerator}; работающих педагогов школы: {coverage.Denominator}.");
        var deficits = IndicatorFormulas.DeficitsCovered(f);
        yield return ShareResult(Deficits, "Закрытые профессиональные дефициты", deficits,
            "Доля заявленных в диагностике программы дефицитов (педагог и тема), по которым есть действующая или завершённая пара на этого педагога и эту тему",
            $"Дефицитов с парой: {deficits.Numerator}; заявлено дефицитов: {deficits.Denominator}.");
        var recent = IndicatorFormulas.RecentlyMet(f);
        yield return ShareResult(RecentMeetings, "Пары со встречей за последние 30 дней", recent,
            "Доля действующих пар, у которых за последние 30 дней была проведённая встреча",
            $"Пар со встречей с {Day(f.AsOf.AddDays(-29))} по {on}: {recent.Numerator}; действующих пар: {recent.Denominator}.");
        yield return CountResult(Meetings, "Проведено встреч", f.MeetingsHeld, "шт.",
            "Число встреч пар и групп программы со статусом «проведена»", $"Проведённых встреч по {on}: {f.MeetingsHeld}.");
        var byKind = string.Join("; ", f.Activities.Where(a => a.Key != ActivityKind.LessonVisit && a.Value > 0).OrderBy(a => a.Key)
            .Select(a => $"{ActivityLabels.Kind(a.Key).ToLower(Ru)} — {a.Value}"));
        yield return CountResult(Activities, "Проведено совместных мероприятий", IndicatorFormulas.ActivitiesHeld(f), "шт.",
            "Число совместных мероприятий программы (открытые уроки, мастер-классы, семинары, проекты, цифровые ресурсы) по дату отчёта, без взаимопосещений",
            byKind.Length == 0 ? $"Мероприятий по {on} нет." : $"По видам: {byKind}.");
        yield return CountResult(LessonVisits, "Взаимопосещения уроков", IndicatorFormulas.LessonVisitsHeld(f), "шт.",
            "Число посещений уроков с анализом (взаимопосещений) программы по дату отчёта", $"Взаимопосещений по {on}: {IndicatorFormulas.LessonVisitsHeld(f)}.");
        yield return CountResult(Consultations, "Проведено консультаций", f.ConsultationsHeld, "шт.",
            "Число проведённых разовых консультаций за период программы", $"Проведённых консультаций по {on}: {f.ConsultationsHeld}.");
        var hours = IndicatorFormulas.MentoringHours(f);
        yield return new IndicatorResult(Hours, "Часы наставничества", "ч", hours, null, IndicatorStatus.NoData,
            "(Минуты проведённых встреч + минуты проведённых консультаций) / 60",
            $"Минут встреч: {f.MeetingMinutes}; минут консультаций: {f.ConsultationMinutes}.", f.MeetingMinutes + f.ConsultationMinutes, 60, false, null);
        var satisfaction = IndicatorFormulas.Satisfaction(f);
        yield return ShareResult(Satisfaction, "Удовлетворённость участников", satisfaction,
            "Доля ответов не ниже порога удовлетворённости (например, 4 из 5) среди ответов на вопросы об удовлетворённости в опросах программы; при менее чем 5 ответах — нет данных",
            $"Ответов не ниже порога: {satisfaction.Numerator}; всего ответов: {satisfaction.Denominator}.", IndicatorFormulas.EnoughAnswers(satisfaction));
        var growth = IndicatorFormulas.Growth(f);
        var overall = IndicatorFormulas.OverallGrowth(growth);
        var topics = string.Join("; ", growth.Select(t => t.Growth is { } g
            ? $"{TopicName(f, t.TopicId)}: {Number(t.EntryMean!.Value)} → {Number(t.ExitMean!.Value)} ({Signed(g)}; ответов {t.EntryCount} и {t.ExitCount})"
            : $"{TopicName(f, t.TopicId)}: мало ответов ({t.EntryCount} и {t.ExitCount})"));
        yield return new IndicatorResult(Growth, "Рост компетенций (самооценка)", "балла", overall, null, IndicatorStatus.NoData,
            "По каждой теме: средняя самооценка темы в итоговой анкете минус средняя во входной — по наставляемым этой темы (в анонимных анкетах — по всем ответам); итог — среднее по темам; тема с менее чем 5 ответами в любой из анкет не учитывается",
            topics.Length == 0 ? "Самооценок во входной и итоговой анкетах нет." : $"По темам: {topics}.",
            growth.Count(t => t.Growth is not null), growth.Count, false, null);
        var both = IndicatorFormulas.BothRoles(f);
        yield return ShareResult(BothRoles, "Педагоги — одновременно наставники и наставляемые", both,
            "Доля педагогов, которые в парах программы одновременно наставники и наставляемые, от всех педагогов в парах программы",
            $"И наставник, и наставляемый: {both.Numerator}; педагогов в парах: {both.Denominator}.");
        var engagement = IndicatorFormulas.Engagement(f);
        yield return ShareResult(Engagement, "Вовлечённость педагогов в наставничество", engagement,
            "Доля работающих педагогов школы, которые участвовали во встрече, совместном мероприятии или мероприятии дорожной карты программы",
            $"Участвовали по {on}: {engagement.Numerator}; работающих педагогов: {engagement.Denominator}.");
    }

    private static IndicatorResult ShareResult(string code, string name, Share share, string formula, string source, bool enough = true)
    {
        var value = enough && share.Value is { } v ? Math.Round(v * 100, 1) : (decimal?)null;
        return new IndicatorResult(code, name, "%", value, null, IndicatorStatus.NoData, formula, source, share.Numerator, share.Denominator, false, null);
    }

    private static IndicatorResult CountResult(string code, string name, int count, string unit, string formula, string source) =>
        new(code, name, unit, count, null, IndicatorStatus.NoData, formula, source, count, null, false, null);

    private static string TopicName(IndicatorFacts f, int topicId) => f.TopicNames.TryGetValue(topicId, out var name) ? $"«{name}»" : $"тема № {topicId}";

    public static string Day(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    public static string Number(decimal v) => v.ToString("0.##", Ru);
    private static string Signed(decimal v) => (v > 0 ? "+" : "") + Number(v);
}
