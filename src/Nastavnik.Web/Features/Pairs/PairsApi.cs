using Microsoft.AspNetCore.Http.HttpResults;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// REST API of pairs: /api/v1/pairs. Reads go through the privacy filters (a teacher sees their own pairs); status moves, manual
/// creation and the documents of a program are the curator's and the administrator's; the agreement follows its own rules
/// (<see cref="AgreementCommands"/>). The same commands as the pages.
/// </summary>
public static class PairsApi
{
    public sealed record PairDto(int Id, int MentorId, string Mentor, int MenteeId, string Mentee, int TopicId, string Topic, PairStatus Status,
        DateTime ApprovedAt, DateTime? EndedAt, PairEndReason? EndReason, bool Manual, int GroupSize, int Version)
    {
        public static PairDto From(PairItem p) => new(p.Id, p.MentorId, p.Mentor, p.MenteeId, p.Mentee, p.TopicId, p.Topic, p.Status, p.ApprovedAt,
            p.EndedAt, p.EndReason, p.Manual, p.GroupSize, p.Version);
    }
    public sealed record ChangeDto(DateTime At, string By, string What);
    public sealed record EndInput(PairEndReason Reason, string? Comment);
    public sealed record CreateInput(int ProgramId, int MenteeId, int TopicId, int MentorId);
    public sealed record AgreementDto(int Id, int PairId, string? Number, DateOnly ConcludedOn, DateOnly ValidUntil, string Subject, string Form,
        string MentorDuties, string MenteeDuties, string MeetingTerms, string? ExtraTerms, DateTime? MentorAcceptedAt, string? MentorAcceptedBy,
        DateTime? MenteeAcceptedAt, string? MenteeAcceptedBy, int Version)
    {
        public static AgreementDto From(PairAgreement a) => new(a.Id, a.PairId, a.Number, a.ConcludedOn, a.ValidUntil, a.Subject, a.Form, a.MentorDuties,
            a.MenteeDuties, a.MeetingTerms, a.ExtraTerms, a.MentorAcceptedAt, a.MentorAcceptedBy, a.MenteeAcceptedAt, a.MenteeAcceptedBy, a.Version);
    }

    public static RouteGroupBuilder MapPairsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pairs").WithTags("Pairs");

        group.MapGet("/", async Task<Results<Ok<List<PairDto>>, NotFound<ProblemDetailsBody>>> (int? programId, PairStatus? status, PairQueries queries, CancellationToken ct) =>
        {
            var program = programId ?? (await queries.ProgramAsync(ct))?.Id;
            if (program is null) return ApiProblems.NotFound("Программа не найдена.");
            return TypedResults.Ok((await queries.ListAsync(program.Value, status, null, ct)).Select(PairDto.From).ToList());
        });

        group.MapGet("/{id:int}", async Task<Results<Ok<PairDto>, NotFound<ProblemDetailsBody>>> (int id, PairQueries queries, HttpContext http, CancellationToken ct) =>
        {
            if (await queries.DetailAsync(id, ct) is not { } d) return ApiProblems.NotFound(PairCommands.NotFoundText);
            http.Response.Headers.ETag = ApiProblems.ETag(d.Pair.Version);
            return TypedResults.Ok(PairDto.From(d.Pair));
        });

        group.MapGet("/{id:int}/history", async Task<Results<Ok<List<ChangeDto>>, NotFound<ProblemDetailsBody>>> (int id, PairQueries queries, CancellationToken ct) =>
            await queries.DetailAsync(id, ct) is { } d
                ? TypedResults.Ok(d.History.Select(h => new ChangeDto(h.At, h.By, h.What)).ToList())
                : ApiProblems.NotFound(PairCommands.NotFoundText));

        group.MapPost("/{id:int}/start", (int id, PairCommands c, HttpContext http, CancellationToken ct) => Moved(c.StartAsync(id, ApiProblems.IfMatch(http), ct)))
            .RequireAuthorization(Policies.DiagnosticsManage);
        group.MapPost("/{id:int}/complete", (int id, PairCommands c, HttpContext http, CancellationToken ct) => Moved(c.CompleteAsync(id, ApiProblems.IfMatch(http), ct)))
            .RequireAuthorization(Policies.DiagnosticsManage);
        group.MapPost("/{id:int}/end", (int id, EndInput input, PairCommands c, HttpContext http, CancellationToken ct) =>
            Moved(c.EndEarlyAsync(id, ApiProblems.IfMatch(http), input.Reason, input.Comment, ct))).RequireAuthorization(Policies.DiagnosticsManage);

        group.MapPost("/", async Task<Results<Created<PairDto>, ProblemHttpResult>> (CreateInput input, PairCommands c, PairQueries queries, CancellationToken ct) =>
        {
            var result = await c.CreateAsync(input.ProgramId, input.MenteeId, input.TopicId, input.MentorId, ct);
            if (result.Error is { } error) return error.ToProblem();
            var d = (await queries.DetailAsync(result.Value!.Id, ct))!;
            return TypedResults.Created($"/api/v1/pairs/{d.Pair.Id}", PairDto.From(d.Pair));
        }).RequireAuthorization(Policies.DiagnosticsManage);

        group.MapGet("/{id:int}/agreement", async Task<Results<Ok<AgreementDto>, ProblemHttpResult>> (int id, AgreementCommands a, HttpContext http, CancellationToken ct) =>
        {
            var result = await a.GetAsync(id, ct);
            if (result.Error is { } error) return error.ToProblem();
            if (result.Value is not { } agreement) return CommandError.NotFound("Договор ещё не составлен.").ToProblem();
            http.Response.Headers.ETag = ApiProblems.ETag(agreement.Version);
            return TypedResults.Ok(AgreementDto.From(agreement));
        });

        group.MapPost("/{id:int}/agreement", async Task<Results<Ok<AgreementDto>, ProblemHttpResult>> (int id, AgreementCommands a, HttpContext http, CancellationToken ct) =>
            Agreement(await a.CreateAsync(id, ct), http));

        group.MapPut("/{id:int}/agreement", async Task<Results<Ok<AgreementDto>, ProblemHttpResult>> (int id, AgreementInput input, AgreementCommands a, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await a.UpdateAsync(id, input, version, ct);
            return Agreement(result.Error is null ? result.Value.Agreement : result.Error, http);
        });

        group.MapPost("/{id:int}/agreement/accept", async Task<Results<Ok<AgreementDto>, ProblemHttpResult>> (int id, AgreementCommands a, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            return Agreement(await a.AcceptAsync(id, version, ct), http);
        });

        group.MapGet("/{id:int}/agreement.docx", async (int id, AgreementCommands a, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await a.DocxAsync(id, ct), db, http, ct));
        group.MapGet("/order.docx", async (int programId, string? number, DateOnly? date, PairDocuments d, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await d.OrderAsync(programId, number, date, ct), db, http, ct)).RequireAuthorization(Policies.DiagnosticsManage);
        group.MapGet("/list.xlsx", async (int programId, PairDocuments d, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await d.ListAsync(programId, ct), db, http, ct)).RequireAuthorization(Policies.DiagnosticsManage);
        return api;
    }

    private static async Task<Results<Ok<string>, ProblemHttpResult>> Moved(Task<CommandResult<string>> command)
    {
        var result = await command;
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
    }

    private static Results<Ok<AgreementDto>, ProblemHttpResult> Agreement(CommandResult<PairAgreement> result, HttpContext http)
    {
        if (result.Error is { } error) return error.ToProblem();
        http.Response.Headers.ETag = ApiProblems.ETag(result.Value!.Version);
        return TypedResults.Ok(AgreementDto.From(result.Value));
    }
}
