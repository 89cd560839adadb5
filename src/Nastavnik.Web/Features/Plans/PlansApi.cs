using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Plans;

/// <summary>REST API of individual plans (ИОМ): /api/v1/plans — the plan, its tasks, acceptance, files, templates and quarterly reports.</summary>
public static class PlansApi
{
    /// <summary>A file sent as JSON (a multipart form could be posted from another site with the user's cookie; JSON cannot).</summary>
    public sealed record FileBody(string FileName, string ContentBase64);
    public sealed record GoalTextBody(string? Text);
    public sealed record TemplateDto(int Id, int TopicId, string Title, int Version, IReadOnlyList<PlanTemplateTaskInput> Tasks);
    public sealed record ReportDto(int Id, int PairId, int Year, int Quarter, string Done, string Changed, int TasksDone, int TasksTotal,
        DateTime SubmittedAt, int Version);

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/plans").WithTags("Plans").RequireAuthorization(Policies.ProgramRead);

        group.MapPost("/for-pair/{pairId:int}", async Task<Results<Ok<PlanView>, ProblemHttpResult>> (int pairId, PlanCommands plans, AppDbContext db, CancellationToken ct) =>
        {
            var result = await plans.OpenForPairAsync(pairId, ct);
            if (result.Error is { } error) return error.ToProblem();
            return TypedResults.Ok((await db.LoadPlanAsync(result.Value, ct))!);
        });

        group.MapGet("/{id:int}", async Task<Results<Ok<PlanView>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, CancellationToken ct) =>
            await db.LoadPlanAsync(id, ct) is { } plan ? TypedResults.Ok(plan) : ApiProblems.NotFound(PlanCommands.PlanNotFound));

        group.MapPost("/{id:int}/goals", async Task<Results<Ok<PlanGoal>, ProblemHttpResult>> (int id, PlanGoalInput input, PlanCommands plans, HttpContext http, CancellationToken ct) =>
            Versioned(await plans.AddGoalAsync(id, input, ct), http, g => g.Version));

        group.MapPut("/goals/{goalId:int}", async Task<Results<Ok<PlanGoal>, ProblemHttpResult>> (int goalId, GoalTextBody body, PlanCommands plans, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await plans.UpdateGoalAsync(goalId, body.Text, version, ct);
            return Versioned(result, http, g => g.Version);
        });

        group.MapPost("/{id:int}/tasks", async Task<Results<Ok<PlanTask>, ProblemHttpResult>> (int id, PlanTaskInput input, PlanCommands plans, HttpContext http, CancellationToken ct) =>
            Versioned(await plans.AddTaskAsync(id, input, [], ct), http, t => t.Version));

        group.MapPut("/tasks/{taskId:int}", async Task<Results<Ok<PlanTask>, ProblemHttpResult>> (int taskId, PlanTaskInput input, PlanCommands plans, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            return Versioned(await plans.UpdateTaskAsync(taskId, input, version, [], ct), http, t => t.Version);
        });

        group.MapPost("/tasks/{taskId:int}/accept", async Task<Results<Ok<PlanTask>, ProblemHttpResult>> (int taskId, PlanCommands plans, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            return Versioned(await plans.AcceptTaskAsync(taskId, version, ct), http, t => t.Version);
        });

        group.MapPost("/tasks/{taskId:int}/files", async Task<Results<Ok<PlanTask>, ProblemHttpResult>> (int taskId, FileBody body, PlanCommands plans, HttpContext http, CancellationToken ct) =>
        {
            byte[] bytes;
            try { bytes = Convert.FromBase64String(body.ContentBase64); }
            catch (FormatException) { return ApiProblems.BadRequest("Файл не приложен.", "Содержимое файла должно быть в base64."); }
            return Versioned(await plans.AddFilesAsync(taskId, [new FileUpload(body.FileName, bytes.Length, new MemoryStream(bytes))], ct), http, t => t.Version);
        });

        group.MapGet("/templates", async (AppDbContext db, int? topicId, CancellationToken ct) => TypedResults.Ok(await TemplatesAsync(db, topicId, ct)));

        group.MapPost("/templates", async Task<Results<Ok<PlanTemplate>, ProblemHttpResult>> (PlanTemplateInput input, PlanCommands plans, HttpContext http, CancellationToken ct) =>
            Versioned(await plans.SaveTemplateAsync(null, input, 0, ct), http, t => t.Version));

        group.MapPut("/templates/{id:int}", async Task<Results<Ok<PlanTemplate>, ProblemHttpResult>> (int id, PlanTemplateInput input, PlanCommands plans, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            return Versioned(await plans.SaveTemplateAsync(id, input, version, ct), http, t => t.Version);
        });

        group.MapDelete("/templates/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, PlanCommands plans, CancellationToken ct) =>
            (await plans.DeleteTemplateAsync(id, ct)).Error is { } error ? error.ToProblem() : TypedResults.NoContent());

        group.MapGet("/reports", async (AppDbContext db, int? year, int? quarter, CancellationToken ct) =>
            TypedResults.Ok(await db.PairReports.AsNoTracking().Where(r => (year == null || r.Year == year) && (quarter == null || r.Quarter == quarter))
                .OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter).ThenBy(r => r.PairId)
                .Select(r => new ReportDto(r.Id, r.PairId, r.Year, r.Quarter, r.Done, r.Changed, r.TasksDone, r.TasksTotal, r.SubmittedAt, r.Version)).ToListAsync(ct)));

        // The current quarter's report of the pair: without If-Match a new one, with it a change of the one read.
        group.MapPut("/reports/pair/{pairId:int}", async Task<Results<Ok<PairReport>, ProblemHttpResult>> (int pairId, PairReportInput input, PlanCommands plans, HttpContext http, CancellationToken ct) =>
            Versioned(await plans.SaveReportAsync(pairId, input, ApiProblems.IfMatch(http) ?? 0, ct), http, r => r.Version));

        return api;
    }

    private static Results<Ok<T>, ProblemHttpResult> Versioned<T>(CommandResult<T> result, HttpContext http, Func<T, int> version)
    {
        if (result.Error is { } error) return error.ToProblem();
        http.Response.Headers.ETag = ApiProblems.ETag(version(result.Value!));
        return TypedResults.Ok(result.Value!);
    }

    private static async Task<List<TemplateDto>> TemplatesAsync(AppDbContext db, int? topicId, CancellationToken ct)
    {
        var templates = await db.PlanTemplates.AsNoTracking().Where(t => topicId == null || t.TopicId == topicId).OrderBy(t => t.Title).ToListAsync(ct);
        var ids = templates.Select(t => t.Id).ToList();
        var tasks = (await db.PlanTemplateTasks.AsNoTracking().Where(t => ids.Contains(t.TemplateId)).OrderBy(t => t.Order).ToListAsync(ct))
            .ToLookup(t => t.TemplateId, t => new PlanTemplateTaskInput { Title = t.Title, Owner = t.Owner, DueInDays = t.DueInDays });
        return templates.Select(t => new TemplateDto(t.Id, t.TopicId, t.Title, t.Version, tasks[t.Id].ToList())).ToList();
    }
}
