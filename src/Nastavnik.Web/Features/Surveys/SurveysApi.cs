using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>
/// REST API of surveys: /api/v1/surveys. Here the answering half (what waits for me, my answer); below, the list,
/// a survey and its results, and a program's SWOT at /api/v1/programs/{id}/swot. An answer is never returned with its author.
/// </summary>
public static class SurveysApi
{
    public sealed record QuestionDto(int Id, int Number, QuestionType Type, string Text, IReadOnlyList<string> Options, bool Required, int? TopicId, string? Topic);
    public sealed record WaitingDto(int Id, string Title, string? Description, bool Anonymous, DateOnly? Deadline, IReadOnlyList<QuestionDto> Questions);
    public sealed record AnswersDto(IReadOnlyList<AnswerInput> Answers);

    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/surveys").WithTags("Surveys").RequireAuthorization(Policies.ProgramRead);

        // The surveys sent to the signed-in teacher that wait for their answer, with their questions (options by index, from 0).
        group.MapGet("/mine", async (AppDbContext db, CancellationToken ct) =>
        {
            var waiting = await SurveyQueries.WaitingAsync(db, db.School.PersonId, ct);
            return TypedResults.Ok(waiting.Select(d => new WaitingDto(d.Id, d.Title, d.Description, d.Anonymous, d.Deadline,
                d.Questions.Select((q, i) => new QuestionDto(q.Id, i + 1, q.Type, q.Text, q.Options, q.Required, q.TopicId, q.Topic)).ToList())).ToList());
        }).RequireAuthorization(Policies.OwnProfile);

        // The signed-in recipient's answer: a number for a scale, a single choice or a topic rating; numbers for a multiple choice; text.
        group.MapPost("/{id:int}/answers", async Task<Results<NoContent, ProblemHttpResult>> (int id, AnswersDto body, SurveyCommands commands, CancellationToken ct) =>
        {
            var result = await commands.AnswerAsync(id, body.Answers ?? [], ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        }).RequireAuthorization(Policies.OwnProfile);

        api.MapSurveyResultsApi();
        return api;
    }

    // ---- The list, a survey's questions, its results and a program's SWOT (reading only) ----

    public sealed record SurveyQuestionDto(int Id, int SortOrder, QuestionType Type, string Text, IReadOnlyList<string> Options, bool Required,
        int? TopicId, QuestionMeasure Measure, int? SatisfiedFrom);

    public sealed record SurveyDto(int Id, string Title, string? Description, SurveyKind Kind, bool Anonymous, SurveyAudience Audience,
        SurveyStatus Status, int? ProgramId, DateOnly? Deadline, IReadOnlyList<SurveyQuestionDto> Questions, int Version);

    /// <summary>
    /// A survey's results: aggregates only for an anonymous survey (no response, person or date), nothing but the counts and
    /// <see cref="Message"/> when its group is too small; a named survey's answers per person in <see cref="People"/>.
    /// </summary>
    public sealed record ResultsDto(SurveySummary Survey, int Responses, bool Hidden, string? Message, IReadOnlyList<QuestionResult> Questions,
        IReadOnlyList<PersonAnswers> People);

    private static void MapSurveyResultsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/surveys").WithTags("Surveys");

        group.MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await SurveyResults.ListAsync(db, ct)))
            .RequireAuthorization(Policies.SurveyResults);

        group.MapGet("/{id:int}", async Task<Results<Ok<SurveyDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, CancellationToken ct) =>
        {
            var s = await db.Surveys.AsNoTracking().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null) return ApiProblems.NotFound("Анкета не найдена.");
            return TypedResults.Ok(new SurveyDto(s.Id, s.Title, s.Description, s.Kind, s.Anonymous, s.Audience, s.Status, s.ProgramId, s.Deadline,
                s.Questions.OrderBy(q => q.SortOrder).ThenBy(q => q.Id).Select(q => new SurveyQuestionDto(q.Id, q.SortOrder, q.Type, q.Text,
                    SurveyOptions.Split(q.Options), q.Required, q.TopicId, q.Measure, q.SatisfiedFrom)).ToList(), s.Version));
        }).RequireAuthorization(Policies.ProgramRead);

        group.MapGet("/{id:int}/results", async Task<Results<Ok<ResultsDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, CancellationToken ct) =>
        {
            var r = await SurveyResults.ForSurveyAsync(db, id, ct);
            if (r is null) return ApiProblems.NotFound("Анкета не найдена.");
            return TypedResults.Ok(new ResultsDto(r.Survey, r.Responses, r.Hidden, r.Hidden ? SurveyResults.HiddenMessage : null, r.Questions, r.People));
        }).RequireAuthorization(Policies.SurveyResults);

        api.MapGet("/programs/{id:int}/swot", async Task<Results<Ok<SwotView>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, CancellationToken ct) =>
        {
            var swot = await SwotQueries.ForProgramAsync(db, id, ct);
            return swot is null ? ApiProblems.NotFound("Программа не найдена.") : TypedResults.Ok(swot);
        }).WithTags("Programs").RequireAuthorization(Policies.SurveyResults);
    }

}
