using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

/// <summary>What the curator types about a social partner: the organization, its head's full name and position, what it did.</summary>
public sealed record PartnerInput(string? Organization, string? Head, string? HeadPosition, string? Contribution);

/// <summary>
/// The social partners of a program (issue 14, item 6), kept by its managers (the pages and the API ask <c>Policies.ProgramWrite</c>):
/// added, corrected with a version token, removed. Their letters of thanks are <see cref="Awards.PartnerLettersAsync"/>.
/// </summary>
public sealed class PartnerCommands(AppDbContext db)
{
    public Task<List<ProgramPartner>> ListAsync(int programId, CancellationToken ct = default) =>
        db.ProgramPartners.AsNoTracking().Where(p => p.ProgramId == programId).OrderBy(p => p.Id).ToListAsync(ct);

    public async Task<CommandResult<ProgramPartner>> AddAsync(int programId, PartnerInput input, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.SchoolId }).FirstOrDefaultAsync(ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        if (Check(input) is { } invalid) return invalid;
        var partner = new ProgramPartner
        {
            SchoolId = program.SchoolId, ProgramId = programId, Organization = "", HeadLastName = "", HeadFirstName = "", Contribution = "",
        };
        Apply(partner, input);
        db.ProgramPartners.Add(partner);
        await db.SaveChangesAsync(ct);
        return partner;
    }

    public async Task<CommandResult<ProgramPartner>> UpdateAsync(int partnerId, int version, PartnerInput input, CancellationToken ct = default)
    {
        var partner = await db.ProgramPartners.FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null) return CommandError.NotFound("Партнёр не найден.");
        if (partner.Version != version) return CommandError.Stale(StaleMessage);
        if (Check(input) is { } invalid) return invalid;
        Apply(partner, input);
        return await db.SaveOrStaleAsync(StaleMessage, ct) is { } stale ? stale : partner;
    }

    public async Task<CommandResult> DeleteAsync(int partnerId, int version, CancellationToken ct = default)
    {
        var partner = await db.ProgramPartners.FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null) return CommandError.NotFound("Партнёр не найден.");
        if (partner.Version != version) return CommandError.Stale(StaleMessage);
        db.ProgramPartners.Remove(partner);
        return await db.SaveOrStaleAsync(StaleMessage, ct) is { } stale ? stale : CommandResult.Success;
    }

    private static CommandError? Check(PartnerInput input)
    {
        var problems = new List<string>();
        if (RussianText.Clean(input.Organization) is not { } org) problems.Add("Укажите организацию-партнёра.");
        else if (org.Length > 300) problems.Add("Название организации длиннее 300 знаков.");
        if (PersonName.Split(input.Head) is not { } head) problems.Add("Укажите руководителя полностью: «Фамилия Имя Отчество» (отчество — если есть).");
        else if (head.Last.Length > 100 || head.First.Length > 100 || head.Middle?.Length > 100) problems.Add("Фамилия, имя и отчество руководителя — не длиннее 100 знаков каждое.");
        if (RussianText.Clean(input.HeadPosition)?.Length > 200) problems.Add("Должность руководителя длиннее 200 знаков.");
        if (RussianText.Clean(input.Contribution) is not { } c) problems.Add("Опишите, что сделал партнёр для программы: это попадёт в благодарственное письмо.");
        else if (c.Length > 2000) problems.Add("Описание вклада длиннее 2000 знаков.");
        return problems.Count == 0 ? null : CommandError.Invalid("Партнёр не сохранён.", problems);
    }

    private static void Apply(ProgramPartner p, PartnerInput input)
    {
        var head = PersonName.Split(input.Head)!.Value;
        p.Organization = RussianText.Clean(input.Organization)!;
        (p.HeadLastName, p.HeadFirstName, p.HeadMiddleName) = (head.Last, head.First, head.Middle);
        p.HeadPosition = RussianText.Clean(input.HeadPosition);
        p.Contribution = RussianText.Clean(input.Contribution)!;
    }

    private const string StaleMessage = "Запись о партнёре только что изменил другой пользователь. Обновите страницу и повторите.";
}
