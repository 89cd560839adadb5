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
