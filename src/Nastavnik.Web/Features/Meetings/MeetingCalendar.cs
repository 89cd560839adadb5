using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Meetings;

/// <summary>A meeting as it goes into iCalendar: what the event says, without the pair's topic (the mentee's need, ADR-004).</summary>
public sealed record IcsMeeting(int Id, MeetingKind Kind, DateTime StartsAt, int DurationMinutes, string? Place, string? OnlineLink, string? Agenda,
    MeetingStatus Status, int Version, IReadOnlyList<string> People);

/// <summary>
/// iCalendar (RFC 5545) of meetings with Ical.Net: each event's UID is stable (<c>meeting-{id}@{host}</c>) and its SEQUENCE is the
/// meeting's version, so a calendar that imported it updates the event on a re-export; a meeting that did not take place is
/// STATUS:CANCELLED. Times are in the school's zone (<see cref="SchoolTime"/>) with its VTIMEZONE.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The host in UIDs: the configured public address's, else the request's (a UID must not change between exports).</summary>
    public static string Host(string? publicUrl, string requestHost) =>
        Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) ? uri.Host : requestHost;

    public static string Write(IEnumerable<IcsMeeting> meetings, string host, DateTime utcNow)
    {
        var calendar = new Calendar { ProductId = "-//Nastavnik//Meetings//RU" };
        calendar.AddTimeZone(SchoolTime.ZoneId);
        foreach (var m in meetings)
        {
            var local = SchoolTime.Local(m.StartsAt);
            var description = new List<string>();
            if (m.Agenda is not null) description.Add("Повестка: " + m.Agenda);
            if (m.People.Count > 0) description.Add("Участники: " + string.Join(", ", m.People) + ".");
            if (m.OnlineLink is not null) description.Add("Ссылка: " + m.OnlineLink);
            var e = new CalendarEvent
            {
                Uid = $"meeting-{m.Id}@{host}",
                Sequence = m.Version,
                Summary = MeetingLabels.Kind(m.Kind) + " (наставничество)",
                DtStart = new CalDateTime(local, SchoolTime.ZoneId, true),
                DtEnd = new CalDateTime(local.AddMinutes(m.DurationMinutes), SchoolTime.ZoneId, true),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), "UTC", true),
                Location = m.Place ?? m.OnlineLink,
                Description = description.Count > 0 ? string.Join("\n", description) : null,
                Status = m.Status == MeetingStatus.NotHeld ? "CANCELLED" : "CONFIRMED",
            };
            if (m.OnlineLink is not null && Uri.TryCreate(m.OnlineLink, UriKind.Absolute, out var url)) e.Url = url;
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// The meetings of a query as they go into .ics, with their people's names, in two queries. IgnoreQueryFilters works on a whole
    /// query in EF Core, so it is used only in the feed's own queries, never joined into a filtered one.
    /// </summary>
    public static async Task<List<IcsMeeting>> LoadAsync(AppDbContext db, IQueryable<Meeting> meetings, CancellationToken ct, bool feed = false)
    {
        var rows = await meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.StartsAt, m.DurationMinutes, m.Place, m.OnlineLink, m.Agenda, m.Status, m.Version }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // A feed has no signed-in user: its meetings were chosen by the token; otherwise the participants pass their filter.
        var participants = feed ? db.MeetingParticipants.IgnoreQueryFilters() : db.MeetingParticipants;
        var people = (await participants.Where(p => ids.Contains(p.MeetingId))
                .OrderBy(p => p.PairId != null).ThenBy(p => NameOrder.Key(p.Person!.LastName))
                .Select(p => new { p.MeetingId, p.Person!.LastName, p.Person.FirstName, p.Person.MiddleName }).ToListAsync(ct))
            .ToLookup(p => p.MeetingId, p => PersonName.Full(p.LastName, p.FirstName, p.MiddleName));
        return rows.Select(r => new IcsMeeting(r.Id, r.Kind, r.StartsAt, r.DurationMinutes, r.Place, r.OnlineLink, r.Agenda, r.Status, r.Version,
            people[r.Id].ToList())).ToList();
    }

    /// <summary>
    /// The meetings of a private feed (<c>/calendar/{token}.ics</c>, anonymous): the token's owner's meetings as mentor or participant, of
    /// the last 60 days and ahead, in the owner's school only; null for an unknown (or renewed) token. Read without the filters, since
    /// the request has no signed-in user: the token is the key.
    /// </summary>
    public static async Task<List<IcsMeeting>?> FeedAsync(AppDbContext db, string token, DateTime utcNow, CancellationToken ct)
    {
        if (token.Length != 43) return null;
        // Past every filter on purpose: the request is anonymous (a calendar app subscribes to the URL), so the secret, renewable token
        // stands for the signed-in owner; what follows is limited by hand to the owner's school and the owner's own meetings.
        var feed = await db.CalendarFeeds.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null) return null;
        var since = utcNow.AddDays(-60);
        var meetings = db.Meetings.IgnoreQueryFilters().Where(m => m.SchoolId == feed.SchoolId && m.StartsAt >= since
            && (m.MentorId == feed.PersonId || db.MeetingParticipants.IgnoreQueryFilters().Any(p => p.MeetingId == m.Id && p.PersonId == feed.PersonId)));
        return await LoadAsync(db, meetings, ct, feed: true);
    }
}
