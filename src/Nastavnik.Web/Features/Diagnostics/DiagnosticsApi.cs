using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>REST API of diagnostics rounds, offers and needs: /api/v1/rounds, /api/v1/offers, /api/v1/needs.</summary>
/// <remarks>Needs come only through the query filter of AppDbContext: a teacher gets their own, curators and administrators the school's.</remarks>
public static class DiagnosticsApi
{
    public sealed record RoundDto(int Id, int ProgramId, string Title, DateTime OpenedAt, DateOnly Deadline, DateTime? ClosedAt, bool IsOpen, int Version);
    public sealed record OfferDto(int Id, int RoundId, int PersonId, string PersonName, int TopicId, string TopicName, int Level, string? Experience, AnswerSource Source, DateTime UpdatedAt);
    public sealed record NeedDto(int Id, int RoundId, int PersonId, string PersonName, int TopicId, string TopicName, int Priority, string? Comment, AnswerSource Source, DateTime UpdatedAt);
    public sealed record OfferInput(int TopicId, int Level, string? Experience);
    public sealed record NeedInput(int TopicId, int Priority, string? Comment);
    public sealed record AnswersInput(List<OfferInput>? Offers, List<NeedInput>? Needs, bool Submit);
    public sealed record AnswersDto(int RoundId, int PersonId, string PersonName, DateTime? SubmittedAt, AnswerSource? Source, string? UpdatedBy, int Version,
        List<OfferDto> Offers, List<NeedDto> Needs);

    public static RouteGroupBuilder MapDiagnosticsApi(this RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Diagnostics").RequireAuthorization(Policies.ProgramRead);
        rounds.MapGet("/", async (AppDbContext db, int? programId, CancellationToken ct) =>
            TypedResults.Ok(await db.DiagnosticsRounds.AsNoTracking().Where(r => programId == null || r.ProgramId == programId)
                .OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
                .Select(r => new RoundDto(r.Id, r.ProgramId, r.Title, r.OpenedAt, r.Deadline, r.ClosedAt, r.ClosedAt == null, r.Version)).ToListAsync(ct)));
        rounds.MapGet("/{roundId:int}/answers/{personId:int}", GetAnswers);
        rounds.MapPut("/{roundId:int}/answers/{personId:int}", PutAnswers);

        api.MapGet("/offers", async (AppDbContext db, int? roundId, int? topicId, int? personId, CancellationToken ct) =>
            TypedResults.Ok(await OffersQuery(db, roundId, topicId, personId).ToListAsync(ct)))
            .WithTags("Diagnostics").RequireAuthorization(Policies.ProgramRead);
        api.MapGet("/needs", async (AppDbContext db, int? roundId, int? topicId, int? personId, CancellationToken ct) =>
            TypedResults.Ok(await NeedsQuery(db, roundId, topicId, personId).ToListAsync(ct)))
            .WithTags("Diagnostics").RequireAuthorization(Policies.ProgramRead);
        return api;
    }

    private static IQueryable<OfferDto> OffersQuery(AppDbContext db, int? roundId, int? topicId, int? personId) =>
        db.Offers.AsNoTracking()
            .Where(o => (roundId == null || o.RoundId == roundId) && (topicId == null || o.TopicId == topicId) && (personId == null || o.PersonId == personId))
            .OrderBy(o => NameOrder.Key(o.Person!.LastName)).ThenBy(o => NameOrder.Key(o.Person!.FirstName)).ThenBy(o => o.PersonId).ThenBy(o => o.Topic!.SortOrder).ThenBy(o => o.Id)
            .Select(o => new OfferDto(o.Id, o.RoundId, o.PersonId, o.Person!.LastName + " " + o.Person.FirstName + (o.Person.MiddleName == null ? "" : " " + o.Person.MiddleName),
                o.TopicId, o.Topic!.Name, o.Level, o.Experience, o.Source, o.UpdatedAt));

    private static IQueryable<NeedDto> NeedsQuery(AppDbContext db, int? roundId, int? topicId, int? personId) =>
        db.Needs.AsNoTracking()
            .Where(n => (roundId == null || n.RoundId == roundId) && (topicId == null || n.TopicId == topicId) && (personId == null || n.PersonId == personId))
            .OrderBy(n => NameOrder.Key(n.Person!.LastName)).ThenBy(n => NameOrder.Key(n.Person!.FirstName)).ThenBy(n => n.PersonId).ThenBy(n => n.Topic!.SortOrder).ThenBy(n => n.Id)
            .Select(n => new NeedDto(n.Id, n.RoundId, n.PersonId, n.Person!.LastName + " " + n.Person.FirstName + (n.Person.MiddleName == null ? "" : " " + n.Person.MiddleName),
                n.TopicId, n.Topic!.Name, n.Priority, n.Comment, n.Source, n.UpdatedAt));

    private static async Task<Results<Ok<AnswersDto>, NotFound<ProblemDetailsBody>>> GetAnswers(int roundId, int personId, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        // Someone else's sheet is «not found» for a teacher: its existence is not theirs to learn.
        if (!AnswerSheet.MayAnswerFor(http.User, db.School, personId)) return ApiProblems.NotFound("Анкета не найдена.");
        var round = await db.DiagnosticsRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (round is null || person is null) return ApiProblems.NotFound("Анкета не найдена.");
        var dto = await LoadDtoAsync(db, round.Id, person, ct);
        http.Response.Headers.ETag = ApiProblems.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<AnswersDto>, ProblemHttpResult>> PutAnswers(
        int roundId, int personId, AnswersInput input, AnswerCommands commands, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        // One answer per topic; a topic given twice among offers or needs stays twice, so the command names it.
        var offers = input.Offers ?? [];
        var needs = input.Needs ?? [];
        var answers = offers.Select(o => o.TopicId).Union(needs.Select(n => n.TopicId)).SelectMany(topicId =>
        {
            var o = offers.Where(x => x.TopicId == topicId).ToList();
            var n = needs.Where(x => x.TopicId == topicId).ToList();
            return Enumerable.Range(0, Math.Max(o.Count, n.Count)).Select(i =>
                new TopicAnswer(topicId, o.ElementAtOrDefault(i)?.Level, o.ElementAtOrDefault(i)?.Experience, n.ElementAtOrDefault(i)?.Priority, n.ElementAtOrDefault(i)?.Comment));
        }).ToList();
        var result = await commands.ReplaceAsync(roundId, personId, answers, input.Submit, ApiProblems.IfMatch(http), ct);
        if (result.Error is { } error) return error.ToProblem();
        db.ChangeTracker.Clear();
        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == personId, ct);
        var dto = await LoadDtoAsync(db, roundId, person, ct);
        http.Response.Headers.ETag = ApiProblems.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<AnswersDto> LoadDtoAsync(AppDbContext db, int roundId, Person person, CancellationToken ct)
    {
        var response = await db.RoundResponses.AsNoTracking().FirstOrDefaultAsync(r => r.RoundId == roundId && r.PersonId == person.Id, ct);
        return new AnswersDto(roundId, person.Id, person.FullName, response?.SubmittedAt, response?.Source, response?.UpdatedBy, response?.Version ?? 0,
            await OffersQuery(db, roundId, null, person.Id).ToListAsync(ct), await NeedsQuery(db, roundId, null, person.Id).ToListAsync(ct));
    }
}
