using Microsoft.AspNetCore.Http.HttpResults;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// REST API of the register of orders (<see cref="OrderRegister"/>) under /api/v1/programs/{id}/orders/register for the managers, and
/// the acknowledgement by a person an order concerns at /api/v1/orders/{orderId}/acknowledge. Files are audited downloads.
/// </summary>
public static class OrderRegisterApi
{
    public sealed record AcknowledgedDto(int OrderId, DateTime ConfirmedAt);

    public static RouteGroupBuilder MapOrderRegisterApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/programs/{id:int}/orders/register").WithTags("Documents").RequireAuthorization(Policies.ProgramWrite);

        group.MapGet("/", async (int id, OrderRegister register, CancellationToken ct) => TypedResults.Ok(await register.ListAsync(id, ct)));

        group.MapPost("/", async Task<Results<Created<OrderRegister.Row>, ProblemHttpResult>> (int id, RegisterOrderInput input, OrderRegister register, CancellationToken ct) =>
        {
            var result = await register.RegisterAsync(id, input, ct);
            if (result.Error is { } error) return error.ToProblem();
            var row = (await register.FindAsync(result.Value!.Id, ct))!;
            return TypedResults.Created($"/api/v1/programs/{id}/orders/register/{row.Id}", row);
        });

        group.MapGet("/{orderId:int}", async Task<Results<Ok<OrderRegister.Row>, ProblemHttpResult>> (int id, int orderId, OrderRegister register, CancellationToken ct) =>
            await register.FindAsync(orderId, ct) is { } row && row.ProgramId == id ? TypedResults.Ok(row) : CommandError.NotFound("Приказ не найден.").ToProblem());

        // multipart/form-data with the file «scan»; If-Match: the order's version.
        group.MapPost("/{orderId:int}/sign", async Task<Results<Ok<OrderRegister.Row>, ProblemHttpResult>> (int id, int orderId, IFormFile? scan, OrderRegister register, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var (name, content, problem) = await OrderScanUpload.ReadAsync(scan, ct);
            if (problem is not null) return CommandError.Invalid("Скан не принят.", problem).ToProblem();
            var result = await register.SignAsync(orderId, version, name, content, ct);
            if (result.Error is { } error) return error.ToProblem();
            return TypedResults.Ok((await register.FindAsync(orderId, ct))!);
        }).DisableAntiforgery();

        group.MapGet("/{orderId:int}.docx", async (int orderId, OrderRegister register, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await register.FileAsync(orderId, OrderFileKind.Docx, ct), db, http, ct));
        group.MapGet("/{orderId:int}/scan", async (int orderId, OrderRegister register, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await register.FileAsync(orderId, OrderFileKind.Scan, ct), db, http, ct));
        group.MapGet("/{orderId:int}/sheet.docx", async (int orderId, AcknowledgementCommands acknowledgements, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await acknowledgements.SheetAsync(orderId, ct), db, http, ct));

        api.MapPost("/orders/{orderId:int}/acknowledge", async Task<Results<Ok<AcknowledgedDto>, ProblemHttpResult>> (int orderId, AcknowledgementCommands acknowledgements, CancellationToken ct) =>
        {
            var result = await acknowledgements.ConfirmAsync(orderId, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(new AcknowledgedDto(orderId, result.Value));
        }).WithTags("Documents").RequireAuthorization(Policies.OwnProfile);
        return api;
    }
}
