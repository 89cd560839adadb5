namespace Nastavnik.Web.Features.Monitoring;

/// <summary>Where an indicator stands against this year's target: no data (or too few answers), below, near (at least 90 % of it), met.</summary>
public enum IndicatorStatus { NoData, Below, Near, Met }

/// <summary>
/// One indicator of a program as computed at a moment: its value, this year's target, the status, the formula and the source data in
/// Russian (the indicator's page shows them), and the counts the value was computed from. External indicators come from the values the
/// curator entered (<c>IndicatorValue</c>), the latest on or before the moment.
/// </summary>
public sealed record IndicatorResult(
    string Code,
    string Name,
    string Unit,
    decimal? Value,
    decimal? Target,
    IndicatorStatus Status,
    string Formula,
    string Source,
    decimal? Numerator,
    decimal? Denominator,
    bool External,
    int? IndicatorId);

/// <summary>A program's indicators at a moment; <see cref="Year"/> is the calendar year the school year ends in (the targets' year).</summary>
public sealed record ProgramIndicatorReport(int ProgramId, string ProgramName, int Year, DateOnly AsOf, IReadOnlyList<IndicatorResult> Indicators);
