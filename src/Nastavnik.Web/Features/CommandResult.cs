namespace Nastavnik.Web.Features;

/// <summary>Why a command refused: each entry point maps the kind to its own form (page message, HTTP status, exit code).</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule (400; exit code 1).</summary>
    Invalid,
    /// <summary>The record does not exist or is not visible to the caller (404; exit code 2).</summary>
    NotFound,
    /// <summary>The caller may not do this (403; exit code 3).</summary>
    Forbidden,
    /// <summary>The change contradicts the state of other records, e.g. a second active program (409; exit code 4).</summary>
    Conflict,
    /// <summary>Someone else changed the record since the caller read it (412 with If-Match; exit code 4).</summary>
    Stale,
}

/// <summary>A command's refusal: a Russian message for the user and, when there are several problems, one line per problem.</summary>
public sealed record CommandError(ErrorKind Kind, string Message, IReadOnlyList<string> Details)
{
    public static CommandError Invalid(string message, params IReadOnlyList<string> details) => new(ErrorKind.Invalid, message, details);
    public static CommandError NotFound(string message) => new(ErrorKind.NotFound, message, []);
    public static CommandError Forbidden(string message) => new(ErrorKind.Forbidden, message, []);
    public static CommandError Conflict(string message, params IReadOnlyList<string> details) => new(ErrorKind.Conflict, message, details);
    public static CommandError Stale(string message = "Запись изменил другой пользователь. Обновите страницу и повторите изменения.") =>
        new(ErrorKind.Stale, message, []);

    /// <summary>The message and its details as one text (for a CLI line or a flash message).</summary>
    public string FullText => Details.Count == 0 ? Message : Message + " " + string.Join(" ", Details);
}

/// <summary>The outcome of a command without a value: success, or a <see cref="CommandError"/>.</summary>
public sealed record CommandResult(CommandError? Error)
{
    public static readonly CommandResult Success = new((CommandError?)null);
    public bool Ok => Error is null;

    public static implicit operator CommandResult(CommandError error) => new(error);
}

/// <summary>The outcome of a command: its value on success, or a <see cref="CommandError"/>.</summary>
public sealed record CommandResult<T>(T? Value, CommandError? Error)
{
    public bool Ok => Error is null;

    public static implicit operator CommandResult<T>(T value) => new(value, null);
    public static implicit operator CommandResult<T>(CommandError error) => new(default, error);
}

/// <summary>The save of a command that edits a versioned record.</summary>
public static class CommandSave
{
    /// <summary>
    /// Saves; when another user's edit came first (a stale version, or with <paramref name="raceOnUniqueIndex"/> a unique index two
    /// writers both took) nothing is kept, the tracked changes are dropped and <paramref name="staleMessage"/> is the refusal.
    /// </summary>
    public static async Task<CommandError?> SaveOrStaleAsync(this Data.AppDbContext db, string staleMessage, CancellationToken ct,
        bool raceOnUniqueIndex = false)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e)
            when (e is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException || (raceOnUniqueIndex && Data.DbErrors.IsUniqueViolation(e)))
        {
            db.ChangeTracker.Clear();
            return CommandError.Stale(staleMessage);
        }
    }
}
