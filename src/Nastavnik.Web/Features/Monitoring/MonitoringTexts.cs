using System.Text.Json;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>How the dashboard, its print view and the climate page write statuses, values and months.</summary>
public static class MonitoringTexts
{
    /// <summary>A status is a word and a colour, never a colour alone (docs/ui.md).</summary>
    public static string Status(IndicatorStatus s) => s switch
    {
        IndicatorStatus.Met => "достигнуто",
        IndicatorStatus.Near => "близко к цели",
        IndicatorStatus.Below => "ниже цели",
        _ => "нет данных",
    };

    /// <summary>The status word of an indicator: a computed value without this year's target says so rather than «нет данных».</summary>
    public static string Status(IndicatorResult i) =>
        i.Status == IndicatorStatus.NoData && i.Value is not null && i.Target is null ? "цель не задана" : Status(i.Status);

    public static string StatusClass(IndicatorStatus s) => s switch
    {
        IndicatorStatus.Met => "status-ok",
        IndicatorStatus.Near => "status-warn",
        IndicatorStatus.Below => "status-bad",
        _ => "status-off",
    };

    public static string StatusIcon(IndicatorStatus s) => s switch
    {
        IndicatorStatus.Met => "bi-check-circle",
        IndicatorStatus.Near => "bi-arrow-up-right-circle",
        IndicatorStatus.Below => "bi-exclamation-triangle",
        _ => "bi-dash-circle",
    };

    /// <summary>«45,2 %», «120 ч», «—» when there is no value.</summary>
    public static string Value(decimal? value, string unit) => value is not { } v ? "—"
        : v.ToString("#,0.#", RussianText.Culture) + (string.IsNullOrWhiteSpace(unit) ? "" : " " + unit);

    /// <summary>«сентябрь 2026».</summary>
    public static string Month(int year, int month) => new DateTime(year, month, 1).ToString("MMMM yyyy", RussianText.Culture);

    /// <summary>«09.2026», for the charts' axes.</summary>
    public static string ShortMonth(int year, int month) => $"{month:00}.{year}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The charts' data as JSON for the page's <c>data-chart</c> attribute (Razor encodes it; no inline script, CSP).</summary>
    public static string ChartData(Dashboard d) => JsonSerializer.Serialize(new
    {
        months = d.Months.Select(m => ShortMonth(m.Year, m.Month)),
        meetings = d.Months.Select(m => m.MeetingsHeld),
        hours = d.Months.Select(m => m.Hours),
        started = d.Months.Select(m => m.PairsStarted),
        ended = d.Months.Select(m => m.PairsEnded),
        satisfaction = d.Months.Select(m => m.Satisfaction),
        directions = d.Balance.Select(b => b.Direction),
        offers = d.Balance.Select(b => b.Offers),
        needs = d.Balance.Select(b => b.Needs),
        comparison = d.Comparison is { } c ? new
        {
            labels = c.Rows.Select(r => r.Name),
            lastYear = c.Rows.Select(r => r.LastYear),
            thisYear = c.Rows.Select(r => r.ThisYear),
            lastName = c.PreviousYear.ToString(RussianText.Culture) + " (" + c.PreviousName + ")",
            thisName = c.ThisYear.ToString(RussianText.Culture) + " (" + d.ProgramName + ")",
        } : null,
    }, Json);

    public static string Quadrant(Data.SwotQuadrant q) => q switch
    {
        Data.SwotQuadrant.Strength => "Сильные стороны",
        Data.SwotQuadrant.Weakness => "Слабые стороны",
        Data.SwotQuadrant.Opportunity => "Возможности",
        _ => "Угрозы",
    };
}
