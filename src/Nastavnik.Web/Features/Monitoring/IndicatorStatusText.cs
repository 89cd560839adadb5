namespace Nastavnik.Web.Features.Monitoring;

/// <summary>How the pages say an indicator's status and value.</summary>
public static class IndicatorStatusText
{
    public static string Label(IndicatorResult r) => r.Status switch
    {
        IndicatorStatus.Met => "достигнуто",
        IndicatorStatus.Near => "близко к цели",
        IndicatorStatus.Below => "ниже цели",
        _ => r.Value is null ? "нет данных" : "цель не задана",
    };

    public static string Css(IndicatorStatus s) => s switch
    {
        IndicatorStatus.Met => "status-ok",
        IndicatorStatus.Near => "status-warn",
        IndicatorStatus.Below => "status-bad",
        _ => "status-off",
    };

    public static string Value(decimal? v, string unit) => v is { } x ? $"{IndicatorCatalog.Number(x)} {unit}" : "—";
}
