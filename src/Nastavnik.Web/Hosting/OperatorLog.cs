namespace Nastavnik.Web.Hosting;

/// <summary>
/// The events an operator looks for, in one place with stable ids and structured fields (user, school, counts), so a log search
/// like EventId=1002 or Event=PersonalDataExported finds them whatever class wrote them. No personal data beyond the login.
/// </summary>
public static partial class OperatorLog
{
    [LoggerMessage(EventId = 1000, EventName = "SignedIn", Level = LogLevel.Information, Message = "Sign-in of {UserName} succeeded")]
    public static partial void SignedIn(this ILogger logger, string userName);

    [LoggerMessage(EventId = 1001, EventName = "SignInFailed", Level = LogLevel.Warning, Message = "Sign-in of {UserName} failed: {Reason}")]
    public static partial void SignInFailed(this ILogger logger, string userName, string reason);

    [LoggerMessage(EventId = 1002, EventName = "Imported", Level = LogLevel.Information,
        Message = "{Kind} import by {UserName} into school {SchoolId}: {Created} created, {Updated} updated, {Skipped} skipped")]
    public static partial void Imported(this ILogger logger, string kind, string userName, int? schoolId, int created, int updated, int skipped);

    [LoggerMessage(EventId = 1003, EventName = "PairsApproved", Level = LogLevel.Information,
        Message = "Pairs of program {ProgramId} approved by {UserName}: {Assignments} assignments from run {RunId}")]
    public static partial void PairsApproved(this ILogger logger, int programId, string userName, int assignments, int runId);

    [LoggerMessage(EventId = 1004, EventName = "PersonalDataExported", Level = LogLevel.Information,
        Message = "{What} exported by {UserName} from school {SchoolId}: {Rows} rows")]
    public static partial void PersonalDataExported(this ILogger logger, string what, string userName, int? schoolId, int rows);
}
