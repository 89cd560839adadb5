using Microsoft.AspNetCore.Http.HttpResults;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>
/// REST API of surveys: /api/v1/surveys. Here the answering half (what waits for me, my answer); the results slice appends the list,
/// a survey and its results. An answer is never returned with its author.
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
            var today = db.Clock.Today();
            var waiting = (await SurveyQueries.MineAsync(db, db.School.PersonId, ct)).Where(m => m.Open(today)).ToList();
            var result = new List<WaitingDto>();
            foreach (var m in waiting)
            {
                var d = (await SurveyQueries.FindAsync(db, m.Id, ct))!;
                result.Add(new WaitingDto(d.Id, d.Title, d.Description, d.Anonymous, d.Deadline,
                    d.Questions.Select((q, i) => new QuestionDto(q.Id, i + 1, q.Type, q.Text, q.Options, q.Required, q.TopicId, q.Topic)).ToList()));
            }
            return TypedResults.Ok(result);
        }).RequireAuthorization(Policies.OwnProfile);

        // The signed-in recipient's answer: a number for a scale, a single choice or a topic rating; numbers for a multiple choice; text.
        group.MapPost("/{id:int}/answers", async Task<Results<NoContent, ProblemHttpResult>> (int id, AnswersDto body, SurveyCommands commands, CancellationToken ct) =>
        {
            var result = await commands.AnswerAsync(id, body.Answers ?? [], ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        }).RequireAuthorization(Policies.OwnProfile);

        return api;
    }
}
