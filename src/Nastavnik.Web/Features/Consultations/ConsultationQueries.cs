using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Consultations;

/// <summary>A consultant's record: how many consultations they held and for how long.</summary>
public sealed record ConsultationRecord(int Count, int Minutes);

public sealed record ConsultationRow(int Id, string Requester, int RequesterId, string Consultant, int ConsultantId, string? Topic,
    string Question, ConsultationStatus Status, DateTime RequestedAt, DateOnly? HeldOn, int? DurationMinutes);

public static class ConsultationQueries
{
    /// <summary>
    /// The consultations held by a person, counted for their portfolio (seen by any colleague), through
    /// <see cref="AppDbContext.ConsultationMinutesHeldBy"/>: the count and the minutes only.
    /// </summary>
    public static async Task<ConsultationRecord> RecordAsync(AppDbContext db, int personId, CancellationToken ct)
    {
        var held = await db.ConsultationMinutesHeldBy(personId)
            .GroupBy(m => 1).Select(g => new { Count = g.Count(), Minutes = g.Sum() }).FirstOrDefaultAsync(ct);
        return new ConsultationRecord(held?.Count ?? 0, held?.Minutes ?? 0);
    }

    /// <summary>The consultations the caller may see (their own; a manager's, the school's), newest first.</summary>
    public static IQueryable<ConsultationRow> Rows(IQueryable<Consultation> source) => source
        .OrderByDescending(c => c.RequestedAt).ThenByDescending(c => c.Id)
        .Select(c => new ConsultationRow(c.Id,
            c.Requester!.LastName + " " + c.Requester.FirstName + (c.Requester.MiddleName == null ? "" : " " + c.Requester.MiddleName), c.RequesterId,
            c.Consultant!.LastName + " " + c.Consultant.FirstName + (c.Consultant.MiddleName == null ? "" : " " + c.Consultant.MiddleName), c.ConsultantId,
            c.Topic != null ? c.Topic.Name : null, c.Question, c.Status, c.RequestedAt, c.HeldOn, c.DurationMinutes));
}
