using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// The one way a pair changes status: sets the status and its times and records the change (who, when, why) in the pair's history.
/// Callers save. Allowed moves: Approved → Active; Approved or Active → Completed or EndedEarly.
/// </summary>
public static class PairLifecycle
{
    public static bool CanMove(PairStatus from, PairStatus to) => (from, to) switch
    {
        (PairStatus.Approved, PairStatus.Active) => true,
        (PairStatus.Approved or PairStatus.Active, PairStatus.Completed or PairStatus.EndedEarly) => true,
        _ => false,
    };

    /// <summary>Moves the pair; false (and nothing changed) when the move is not allowed from its current status.</summary>
    public static bool Move(AppDbContext db, MentoringPair pair, PairStatus to, string by, DateTime now, PairEndReason? reason = null, string? comment = null)
    {
        if (!CanMove(pair.Status, to)) return false;
        db.PairChanges.Add(new PairChange
        {
            SchoolId = pair.SchoolId, PairId = pair.Id, At = now, By = by, From = pair.Status, To = to, Reason = reason, Comment = comment,
        });
        pair.Status = to;
        if (to == PairStatus.Active) pair.StartedAt = now;
        if (to is PairStatus.Completed or PairStatus.EndedEarly)
        {
            pair.EndedAt = now;
            pair.EndReason = reason;
            pair.EndComment = comment;
        }
        return true;
    }

    /// <summary>A pair starts working when its first meeting is held (or the curator starts it): Approved → Active, else nothing.</summary>
    public static void ActivateIfApproved(AppDbContext db, MentoringPair pair, string by, DateTime now)
    {
        if (pair.Status == PairStatus.Approved) Move(db, pair, PairStatus.Active, by, now);
    }
}
