using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nastavnik.Web.Features;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// The one mapping of a command's refusal to each entry point's form: an RFC 7807 problem for the API, model errors for a page,
/// an exit code and a line on standard error for the CLI.
/// </summary>
public static class CommandResultMapping
{
    public static int StatusCode(this CommandError error) => error.Kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Stale => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The API's problem: the command's own Russian message as the title (the page shows the same words), details below.</summary>
    public static ProblemHttpResult ToProblem(this CommandError error) => TypedResults.Problem(
        title: error.Message, detail: error.Details.Count == 0 ? null : string.Join("\n", error.Details), statusCode: error.StatusCode());

    public static int ExitCode(this CommandError error) => error.Kind switch
    {
        ErrorKind.NotFound => 2,
        ErrorKind.Forbidden => 3,
        ErrorKind.Conflict or ErrorKind.Stale => 4,
        _ => 1,
    };

    /// <summary>Writes the refusal to standard error and returns its exit code (0 for success).</summary>
    public static int ToExitCode(this CommandError? error, TextWriter stderr)
    {
        if (error is null) return 0;
        stderr.WriteLine(error.Message);
        foreach (var d in error.Details) stderr.WriteLine("  " + d);
        return error.ExitCode();
    }

    /// <summary>Adds the refusal to a page's model state: the message (and each detail) under <paramref name="key"/>.</summary>
    public static void AddTo(this CommandError error, ModelStateDictionary modelState, string key = "")
    {
        modelState.AddModelError(key, error.Message);
        foreach (var d in error.Details) modelState.AddModelError(key, d);
    }
}
