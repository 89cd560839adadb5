using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Meetings;

public sealed partial class MeetingCommands
{
    /// <summary>
    /// A participant's feedback on a held meeting: 1–5 and a comment, one per person and meeting; giving it again changes it. Who reads
    /// it is the privacy filter's: the author, the mentor, the mentee of the mentor's feedback, the managers — never other teachers.
    /// </summary>
    public async Task<CommandResult<MeetingFeedback>> GiveFeedbackAsync(int id, int rating, string? comment, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return CommandError.NotFound(MeetingNotFound);
        if (!await IsSideAsync(meeting, ct)) return CommandError.Forbidden("Отзыв о встрече оставляют её участники.");
        if (meeting.Status != MeetingStatus.Held) return CommandError.Conflict("Отзыв оставляют после встречи, которая состоялась.");
        var problems = new List<string>();
        if (rating is < 1 or > 5) problems.Add("Оценка — от 1 до 5.");
        if (comment?.Length > 2000) problems.Add("Комментарий — не длиннее 2000 символов.");
        if (problems.Count > 0) return CommandError.Invalid("Отзыв не прошёл проверку.", problems);
        var feedback = await db.MeetingFeedback.FirstOrDefaultAsync(f => f.MeetingId == id && f.AuthorId == me.PersonId, ct);
        if (feedback is null)
        {
            feedback = new MeetingFeedback { SchoolId = meeting.SchoolId, MeetingId = id, AuthorId = me.PersonId };
            db.MeetingFeedback.Add(feedback);
        }
        feedback.Rating = rating;
        feedback.Comment = MeetingInput.Clean(comment);
        feedback.At = Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person sent it twice at once (the unique index on meeting and author): the first one stands.
            db.ChangeTracker.Clear();
            return CommandError.Conflict("Отзыв уже сохранён: обновите страницу, чтобы изменить его.");
        }
        return feedback;
    }

    /// <summary>
    /// A new private calendar feed for the user (<c>/calendar/{token}.ics</c>): 32 random bytes as 43 characters of base64url. The old
    /// feed, if any, is removed, so its URL stops working.
    /// </summary>
    public async Task<CommandResult<CalendarFeed>> RenewFeedAsync(CancellationToken ct)
    {
        if (me.PersonId <= 0 || me.SchoolId is not { } schoolId || schoolId <= 0)
            return CommandError.Forbidden("Календарь доступен педагогам с карточкой в школе.");
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.PersonId == me.PersonId).ToListAsync(ct));
        var feed = new CalendarFeed
        {
            SchoolId = schoolId, PersonId = me.PersonId, CreatedAt = Now,
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return feed;
    }
}
