using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>The Forms import's commit: the one use case the page and the CLI both call.</summary>
public sealed partial class FormsImporter
{
    /// <summary>
    /// Writes the answers of every used row into an open round, all or nothing, in one transaction with the column mapping and, from
    /// the page, the consumption of the upload (a preview is committed at most once). A used row's offers and needs of the round
    /// become exactly the file's (Source = Import) and the sheet records the form's time; skipped rows (older or empty) touch
    /// nothing. Rows that already hold the same answers are not touched, so the same file again changes nothing and writes no audit.
    /// </summary>
    public async Task<CommandResult<FormsImportResult>> CommitAsync(FormsImportPreview preview, int roundId, string userName, Guid? uploadId = null, CancellationToken ct = default)
    {
        if (!preview.CanCommit)
        {
            var clean = preview.Problems.Count == 0 && preview.UnknownTopics.Count == 0;
            return CommandError.Invalid(clean && preview.ToConfirm > 0 ? "Ничего не загружено: подтвердите, кто из педагогов указан в отмеченных строках."
                : clean ? "Ничего не загружено: в файле нет ответов, которые можно загрузить." : "Ничего не загружено: исправьте ошибки, указанные ниже, и попробуйте снова.");
        }
        var round = await db.DiagnosticsRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return CommandError.NotFound("Тур диагностики не найден.");
        if (await AnswerCommands.WhyClosedAsync(db, round, ct) is { } closed) return CommandError.Conflict("Ничего не загружено: " + closed);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Consumed first: a second click on the same preview waits for this transaction and then finds nothing to commit.
        if (uploadId is { } id && await db.ImportUploads.Where(u => u.Id == id).ExecuteDeleteAsync(ct) == 0)
            return CommandError.Conflict("Этот файл уже загружен: откройте диагностику, чтобы увидеть ответы, или загрузите файл ещё раз.");
        await FormsImportColumns.SaveAsync(db, preview.File.Headers, preview.Mapping, userName, ct);
        var result = await WriteAsync(preview, roundId, userName, ct);
        await tx.CommitAsync(ct);
        log.Imported("Forms", OperatorLog.AccountOf(db.School), db.School.SchoolId, result.ResponsesCreated, result.ResponsesUpdated, preview.Rows.Count - result.People);
        return result;
    }

    private async Task<FormsImportResult> WriteAsync(FormsImportPreview preview, int roundId, string userName, CancellationToken ct)
    {
        var used = preview.Rows.Where(r => r.Uses).ToList();
        var ids = used.Select(r => r.PersonId!.Value).ToHashSet();
        // Read without tracking: on a repeated import almost nothing changes, and only what changes is attached below.
        var offers = (await db.Offers.AsNoTracking().Where(o => o.RoundId == roundId).ToListAsync(ct)).Where(o => ids.Contains(o.PersonId)).ToLookup(o => o.PersonId);
        var needs = (await db.Needs.AsNoTracking().Where(o => o.RoundId == roundId).ToListAsync(ct)).Where(o => ids.Contains(o.PersonId)).ToLookup(o => o.PersonId);
        var responses = (await db.RoundResponses.AsNoTracking().Where(o => o.RoundId == roundId).ToListAsync(ct)).Where(o => ids.Contains(o.PersonId)).ToDictionary(o => o.PersonId);
        var now = db.Clock.UtcTime();
        int created = 0, updated = 0, added = 0, changed = 0, removed = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var r in used)
            {
                var pid = r.PersonId!.Value;
                var touched = false;
                // An answer of the same level stays as it is (with its origin): only what the file changes is written.
                foreach (var o in offers[pid])
                {
                    if (!r.Offers.TryGetValue(o.TopicId, out var level)) { db.Offers.Remove(o); removed++; touched = true; }
                    else if (o.Level != level) { db.Offers.Attach(o); o.Level = level; o.Source = AnswerSource.Import; o.UpdatedAt = now; changed++; touched = true; }
                }
                var haveOffers = offers[pid].Select(o => o.TopicId).ToHashSet();
                foreach (var (topic, level) in r.Offers.Where(kv => !haveOffers.Contains(kv.Key)))
                { db.Offers.Add(new Offer { RoundId = roundId, PersonId = pid, TopicId = topic, Level = level, Source = AnswerSource.Import, UpdatedAt = now }); added++; touched = true; }

                foreach (var n in needs[pid])
                {
                    if (!r.Needs.TryGetValue(n.TopicId, out var priority)) { db.Needs.Remove(n); removed++; touched = true; }
                    else if (n.Priority != priority) { db.Needs.Attach(n); n.Priority = priority; n.Source = AnswerSource.Import; n.UpdatedAt = now; changed++; touched = true; }
                }
                var haveNeeds = needs[pid].Select(n => n.TopicId).ToHashSet();
                foreach (var (topic, priority) in r.Needs.Where(kv => !haveNeeds.Contains(kv.Key)))
                { db.Needs.Add(new Need { RoundId = roundId, PersonId = pid, TopicId = topic, Priority = priority, Source = AnswerSource.Import, UpdatedAt = now }); added++; touched = true; }

                if (!responses.TryGetValue(pid, out var response))
                {
                    db.RoundResponses.Add(new RoundResponse { RoundId = roundId, PersonId = pid, SubmittedAt = r.SubmittedAt ?? now, UpdatedAt = now, UpdatedBy = userName, Source = AnswerSource.Import });
                    created++;
                }
                else if (touched || response.SubmittedAt is null || (response.Source == AnswerSource.Import && r.SubmittedAt is { } at && response.SubmittedAt != at))
                {
                    db.RoundResponses.Attach(response);
                    // SaveChanges bumps Version after this scan; marked modified, the bumped value is what gets written.
                    db.Entry(response).Property(x => x.Version).IsModified = true;
                    response.SubmittedAt = r.SubmittedAt ?? response.SubmittedAt ?? now;
                    response.Source = AnswerSource.Import;
                    response.UpdatedBy = userName;
                    response.UpdatedAt = now;
                    updated++;
                }
            }
            // Changes are detected once here, not on every scan SaveChanges makes of the tracker (tens of thousands of rows).
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return new FormsImportResult(used.Count, created, updated, added, changed, removed, preview.SkippedAsOlder);
    }
}
