namespace Nastavnik.Web.Data;

/// <summary>
/// Reading the application's <see cref="TimeProvider"/> (registered in AddNastavnikDatabase) the two ways the code needs:
/// a moment in UTC as the database stores it, and today's date where the school is (the server's time zone).
/// </summary>
public static class Clock
{
    public static DateTime UtcTime(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}

/// <summary>
/// The time zone in which a school's meetings are planned and shown (HH:mm on pages, DTSTART in .ics). The app has no time zone per
/// school yet: this is the one place that names the default, Europe/Moscow. Dates of the cycle (<see cref="Clock.Today"/>) stay as
/// they were, in the server's zone.
/// </summary>
public static class SchoolTime
{
    public const string ZoneId = "Europe/Moscow";
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The school's wall clock at a UTC moment.</summary>
    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC moment of the school's wall-clock date and time.</summary>
    public static DateTime Utc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(time), DateTimeKind.Unspecified), Zone);
}
