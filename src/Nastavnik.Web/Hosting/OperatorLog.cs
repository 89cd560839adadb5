namespace Nastavnik.Web.Hosting;

/// <summary>
/// The events an operator looks for, in one place with stable ids and structured fields (account id, school, counts), so a log
/// search like EventId=1002 or Event=PersonalDataExported finds them whatever class wrote them. Ids only: no name, login or
/// address of a person is logged (who signed in with which login is in the audit trail, which only administrators read).
/// </summary>
public static partial class OperatorLog
{
    [LoggerMessage(EventId = 1000, EventName = "SignedIn", Level = LogLevel.Information, Message = "Sign-in of account {UserId} succeeded")]
    public static partial void SignedIn(this ILogger logger, string userId);

    /// <summary>A failed sign-in: the account's id when the login names one (null for an unknown login or a throttled attempt).</summary>
    [LoggerMessage(EventId = 1001, EventName = "SignInFailed", Level = LogLevel.Warning, Message = "Sign-in of account {UserId} failed: {Reason}")]
    public static partial void SignInFailed(this ILogger logger, string? userId, string reason);

    [LoggerMessage(EventId = 1002, EventName = "Imported", Level = LogLevel.Information,
        Message = "{Kind} import by account {UserId} into school {SchoolId}: {Created} created, {Updated} updated, {Skipped} skipped")]
    public static partial void Imported(this ILogger logger, string kind, string? userId, int? schoolId, int created, int updated, int skipped);

    [LoggerMessage(EventId = 1003, EventName = "PairsApproved", Level = LogLevel.Information,
        Message = "Pairs of program {ProgramId} approved by account {UserId}: {Assignments} assignments from run {RunId}")]
    public static partial void PairsApproved(this ILogger logger, int programId, string? userId, int assignments, int runId);

    [LoggerMessage(EventId = 1004, EventName = "PersonalDataExported", Level = LogLevel.Information,
        Message = "{What} exported by account {UserId} from school {SchoolId}: {Rows} rows")]
    public static partial void PersonalDataExported(this ILogger logger, string what, string? userId, int? schoolId, int rows);

    /// <summary>The signed-in account's id for the log; null for system work and the command line.</summary>
    public static string? AccountOf(Data.CurrentSchool school) => school.UserId is { Length: > 0 } id ? id : null;
}
