using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>
/// A completed program's indicators frozen as JSON of its <see cref="ProgramIndicatorReport"/> (issue 13, item 6): taken when the
/// program becomes completed, in the same save, on its last day (or today when it completes early); the next year's program is compared
/// with it.
/// </summary>
public static class IndicatorSnapshots
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize(ProgramIndicatorReport report) => JsonSerializer.Serialize(report, Json);

    public static ProgramIndicatorReport? Deserialize(string json) => JsonSerializer.Deserialize<ProgramIndicatorReport>(json, Json);

    /// <summary>
    /// Adds (or replaces) the snapshot of a tracked program that is becoming completed; the caller saves. The program's indicators and
    /// targets are read from the tracked entity, so targets changed in the same save are the ones frozen.
    /// </summary>
    public static async Task TakeAsync(AppDbContext db, MentoringProgram program, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var asOf = today < program.EndDate ? today : program.EndDate;
        var report = await new ProgramIndicators(db, db.Clock).ComputeAsync(program, asOf, ct);
        db.IndicatorSnapshots.RemoveRange(await db.IndicatorSnapshots.Where(s => s.ProgramId == program.Id).ToListAsync(ct));
        db.IndicatorSnapshots.Add(new IndicatorSnapshot
        {
            SchoolId = program.SchoolId, ProgramId = program.Id, TakenAt = db.Clock.UtcTime(), TakenBy = db.School.UserName, ValuesJson = Serialize(report),
        });
    }

    /// <summary>The program's frozen report, or null when it has none (not completed, or not visible).</summary>
    public static async Task<(ProgramIndicatorReport Report, DateTime TakenAt)?> ReadAsync(AppDbContext db, int programId, CancellationToken ct)
    {
        var snapshot = await db.IndicatorSnapshots.AsNoTracking().Where(s => s.ProgramId == programId).OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(ct);
        return snapshot is null || Deserialize(snapshot.ValuesJson) is not { } report ? null : (report, snapshot.TakenAt);
    }
}
