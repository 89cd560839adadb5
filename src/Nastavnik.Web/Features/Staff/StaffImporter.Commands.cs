using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Staff;

// The staff import's use cases for the page, the API and the CLI: each returns a CommandResult that the entry point only maps.
public sealed partial class StaffImporter
{
    public const string Kind = "staff";
    public const string NoFileMessage = "Выберите файл .xlsx или .csv со списком педагогов.";
    public const string UploadNotFoundMessage = "Загруженный файл не найден: загрузите его ещё раз.";
    public const string CommittedMessage = "Этот список уже загружен.";
    public const string InProgressMessage = "Этот список уже загружается: дождитесь конца загрузки.";
    private const int BatchSize = 500;

    /// <summary>Stores the file for its preview; refuses (and stores nothing) when it is empty, too large or does not read as a table.</summary>
    public async Task<CommandResult<Guid>> UploadAsync(string? fileName, Func<Stream>? open, long? length, CancellationToken ct)
    {
        if (open is null) return CommandError.Invalid(NoFileMessage);
        var (upload, error) = await ImportUploads.StoreAsync(db, string.IsNullOrWhiteSpace(fileName) ? "upload" : fileName, open, length, Kind, db.School.UserName, NoFileMessage, ct);
        return upload is null ? CommandError.Invalid(error!) : upload.Id;
    }

    /// <summary>
    /// The preview of a stored upload with the user's column mapping (or the guessed one). A file whose rows have problems is refused:
    /// the preview lists them and the upload is deleted at once (it holds personal data). A mapping that does not name the ФИО columns
    /// keeps the upload, so the user can choose the columns.
    /// </summary>
    public async Task<CommandResult<StaffImportPreview>> PreviewAsync(Guid uploadId, IReadOnlyDictionary<StaffField, int?>? mapping, CancellationToken ct)
    {
        var upload = await db.ImportUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uploadId && (u.Kind == Kind || u.Kind == ImportUploads.Committed(Kind)), ct);
        if (upload is null) return CommandError.NotFound(UploadNotFoundMessage);
        if (upload.Kind != Kind) return CommandError.Conflict(CommittedMessage);
        TableFile table;
        try { table = TableFileReader.Read(upload.FileName, upload.Content); }
        catch (TableFileException e)
        {
            await DeleteUploadAsync(uploadId, ct);
            return CommandError.Invalid(e.Message);
        }
        var columns = mapping is null ? StaffImportMapping.Guess(table.Headers)
            : Enum.GetValues<StaffField>().ToDictionary(f => f, f => mapping.GetValueOrDefault(f) is { } i && i >= 0 && i < table.Headers.Count ? i : (int?)null);
        var preview = await PreviewAsync(table, columns, ct) with { FileName = upload.FileName, UploadId = uploadId };
        if (preview.Problems.Any(p => p.Row > 0))
        {
            await DeleteUploadAsync(uploadId, ct);
            preview = preview with { UploadId = null };
        }
        return preview;
    }

    /// <summary>
    /// Writes a stored upload: all rows or none, once. The upload is consumed in the same transaction as the rows, so a second request
    /// (a second click, another tab, a retry) is refused with <see cref="CommittedMessage"/> or, while the first runs, <see cref="InProgressMessage"/>.
    /// The rows are written in batches inside that transaction, and <see cref="StaffImportProgress"/> shows how many are done.
    /// </summary>
    public async Task<CommandResult<StaffImportResult>> CommitAsync(Guid uploadId, IReadOnlyDictionary<StaffField, int?>? mapping, DuplicateAction duplicates,
        IReadOnlyDictionary<int, DuplicateAction> perRow, CancellationToken ct)
    {
        if (!progress.TryBegin(uploadId)) return CommandError.Conflict(InProgressMessage);
        try
        {
            var loaded = await PreviewAsync(uploadId, mapping, ct);
            if (loaded.Error is { } error) return error;
            var preview = loaded.Value!;
            if (preview.Refusal is { } refusal) return refusal;
            progress.Report(uploadId, 0, preview.Rows.Count);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.ImportUploads.Where(u => u.Id == uploadId && u.Kind == Kind)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Kind, ImportUploads.Committed(Kind)).SetProperty(u => u.Content, Array.Empty<byte>()), ct);
            if (claimed == 0) return CommandError.Conflict(CommittedMessage);
            var result = await WriteAsync(preview, duplicates, perRow, db.School.UserName, done => progress.Report(uploadId, done, preview.Rows.Count), ct);
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            progress.End(uploadId);
        }
    }

    /// <summary>The command line's import of a file read from disk: the same preview and the same writing, all rows or none.</summary>
    public async Task<CommandResult<StaffImportResult>> ImportFileAsync(TableFile table, DuplicateAction duplicates, string userName, CancellationToken ct)
    {
        var preview = await PreviewAsync(table, StaffImportMapping.Guess(table.Headers), ct);
        if (preview.Refusal is { } refusal) return refusal;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await WriteAsync(preview, duplicates, new Dictionary<int, DuplicateAction>(), userName, null, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Deletes an upload the user leaves (the page's «Отмена»); an unknown one is no error.</summary>
    public async Task<CommandResult> DiscardAsync(Guid uploadId, CancellationToken ct)
    {
        await DeleteUploadAsync(uploadId, ct);
        return CommandResult.Success;
    }

    private Task<int> DeleteUploadAsync(Guid uploadId, CancellationToken ct) =>
        db.ImportUploads.Where(u => u.Id == uploadId && u.Kind == Kind).ExecuteDeleteAsync(ct);

    /// <summary>Writes the rows in batches inside the caller's transaction; each batch's audit entries go with it.</summary>
    private async Task<StaffImportResult> WriteAsync(StaffImportPreview preview, DuplicateAction duplicates, IReadOnlyDictionary<int, DuplicateAction> perRow,
        string userName, Action<int>? report, CancellationToken ct)
    {
        int created = 0, updated = 0, skipped = 0, done = 0;
        foreach (var batch in preview.Rows.Chunk(BatchSize))
        {
            var ids = batch.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
            var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var row in batch)
            {
                if (row.ExistingId is { } id)
                {
                    if (perRow.GetValueOrDefault(row.Row, duplicates) == DuplicateAction.Skip) { skipped++; continue; }
                    StaffCommands.Apply(row.Input, people[id], userName);
                    updated++;
                }
                else
                {
                    var person = new Person { LastName = "", FirstName = "" };
                    StaffCommands.Apply(row.Input, person, userName);
                    db.People.Add(person);
                    created++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            report?.Invoke(done += batch.Length);
        }
        log.Imported("Staff", OperatorLog.AccountOf(db.School), db.School.SchoolId, created, updated, skipped);
        return new StaffImportResult(created, updated, skipped);
    }
}
