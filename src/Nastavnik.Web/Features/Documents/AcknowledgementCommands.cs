using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

/// <summary>A registered order as one person it concerns sees it: what, number, date, and when they confirmed reading it.</summary>
public sealed record MyOrder(int OrderId, string Title, string Number, DateOnly Date, DateTime? ConfirmedAt);

/// <summary>
/// The acknowledgement (лист ознакомления) of registered orders: each person an order concerns confirms in the app that they have read it
/// (once; a second confirmation keeps the first time), and the managers print the sheet with who confirmed and when. The privacy filters
/// let a teacher see only their own acknowledgements and the orders they concern; another school's orders are not there at all.
/// </summary>
public sealed class AcknowledgementCommands(AppDbContext db, PairDocuments pairs, TemplateStore templates)
{
    public static readonly DocumentTemplate Sheet = new("order-acknowledgement", "Лист ознакомления с приказом",
    [
        new("Школа.Наименование", "полное наименование школы"),
        new("Приказ.Дата", "дата приказа: «25» ноября 2026 г."),
        new("Приказ.Номер", "номер приказа"),
        new("Приказ.Предмет", "о чём приказ: «О закреплении наставнических пар и групп»"),
        new("#Ознакомлены", "строка таблицы повторяется для каждого, кого касается приказ"),
        new("Ознакомлены.Номер", "номер строки"),
        new("Ознакомлены.ФИО", "Фамилия Имя Отчество"),
        new("Ознакомлены.Должность", "должность"),
        new("Ознакомлены.Когда", "дата и время подтверждения в системе: дд.мм.гггг чч:мм (пусто — линия)"),
    ], BuildSheet);

    /// <summary>The orders that concern the signed-in person: those to confirm first, then those confirmed in the last 30 days.</summary>
    public static async Task<List<MyOrder>> MineAsync(AppDbContext db, int personId, CancellationToken ct = default)
    {
        var since = db.Clock.UtcTime().AddDays(-30);
        var rows = await db.OrderAcknowledgements.AsNoTracking().Where(a => a.PersonId == personId && (a.ConfirmedAt == null || a.ConfirmedAt >= since))
            .Join(db.RegisteredOrders.Where(o => o.Status == RegisteredOrderStatus.Signed), a => a.OrderId, o => o.Id,
                (a, o) => new MyOrder(o.Id, o.Title, o.Number, o.Date, a.ConfirmedAt))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.ConfirmedAt is not null).ThenByDescending(r => r.Date).ThenByDescending(r => r.OrderId).ToList();
    }

    /// <summary>The signed-in person confirms they have read the order; the first confirmation's time stays.</summary>
    public async Task<CommandResult<DateTime>> ConfirmAsync(int orderId, CancellationToken ct = default)
    {
        var status = await db.RegisteredOrders.Where(o => o.Id == orderId).Select(o => (RegisteredOrderStatus?)o.Status).FirstOrDefaultAsync(ct);
        if (status is null) return CommandError.NotFound("Приказ не найден.");
        // Only the managers see a draft at all; they too confirm only what has been signed.
        if (status != RegisteredOrderStatus.Signed)
            return CommandError.Invalid("Приказ ещё не подписан.", "Ознакомиться с приказом можно после того, как его подпишут и отметят подписанным.");
        var ack = await db.OrderAcknowledgements.FirstOrDefaultAsync(a => a.OrderId == orderId && a.PersonId == db.School.PersonId, ct);
        if (ack is null) return CommandError.Forbidden("Вас нет в листе ознакомления с этим приказом.");
        if (ack.ConfirmedAt is null)
        {
            ack.ConfirmedAt = db.Clock.UtcTime();
            await db.SaveChangesAsync(ct);
        }
        return ack.ConfirmedAt.Value;
    }

    public sealed record Line(int PersonId, string Name, string? Position, DateTime? ConfirmedAt);

    /// <summary>Who the order concerns and when each confirmed, for the managers; null when the order is not theirs to see.</summary>
    public async Task<List<Line>?> LinesAsync(int orderId, CancellationToken ct = default)
    {
        if (!db.School.IsSchoolManager || !await db.RegisteredOrders.AnyAsync(o => o.Id == orderId, ct)) return null;
        var rows = await db.OrderAcknowledgements.AsNoTracking().Where(a => a.OrderId == orderId)
            .Select(a => new { a.PersonId, a.Person!.LastName, a.Person.FirstName, a.Person.MiddleName, a.Person.Position, a.ConfirmedAt }).ToListAsync(ct);
        var order = StringComparer.Create(RussianText.Culture, true);
        return rows.Select(r => new Line(r.PersonId, PersonName.Full(r.LastName, r.FirstName, r.MiddleName), r.Position, r.ConfirmedAt))
            .OrderBy(l => l.Name, order).ToList();
    }

    /// <summary>The sheet «Лист ознакомления» (.docx): each person with the date and time they confirmed, or a blank line.</summary>
    public async Task<CommandResult<DocumentFile>> SheetAsync(int orderId, CancellationToken ct = default)
    {
        var lines = await LinesAsync(orderId, ct);
        if (lines is null) return CommandError.NotFound("Приказ не найден.");
        var o = await db.RegisteredOrders.AsNoTracking().Where(x => x.Id == orderId)
            .Select(x => new { x.SchoolId, x.Title, x.Number, x.Date }).FirstAsync(ct);
        var data = (await pairs.SchoolAsync(o.SchoolId, ct))
            .Set("Приказ.Дата", RussianText.DocumentDate(o.Date))
            .Set("Приказ.Номер", o.Number)
            .Set("Приказ.Предмет", Subject(o.Title))
            .SetItems("Ознакомлены", lines.Select((l, i) => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["Номер"] = (i + 1).ToString(RussianText.Culture), ["ФИО"] = l.Name, ["Должность"] = RussianText.Clean(l.Position),
                ["Когда"] = l.ConfirmedAt is { } at ? SchoolTime.Local(at).ToString("dd.MM.yyyy HH:mm", RussianText.Culture) : null,
            }));
        var filled = await templates.FillAsync(o.SchoolId, Sheet, data, ct);
        if (filled.Error is { } refused) return refused;
        var bytes = filled.Value!;
        return new DocumentFile(bytes, DocxWriter.ContentType, $"Лист ознакомления с приказом № {o.Number} от {RussianText.Date(o.Date)}.docx");
    }

    /// <summary>«Приказ о закреплении …» → «О закреплении …».</summary>
    public static string Subject(string title) =>
        title.StartsWith("Приказ ", StringComparison.Ordinal) ? char.ToUpper(title[7], RussianText.Culture) + title[8..] : title;

    private static byte[] BuildSheet() => new OfficialDocxBuilder()
        .Centered("{{Школа.Наименование}}", bold: true, after: 240)
        .Title("ЛИСТ ОЗНАКОМЛЕНИЯ")
        .Centered("с приказом от {{Приказ.Дата}} № {{Приказ.Номер}}", after: 0)
        .Centered("«{{Приказ.Предмет}}»", bold: true, after: 240)
        .Table(["№", "Фамилия Имя Отчество", "Должность", "Ознакомлен(а) в системе", "Подпись"],
            ["{{#Ознакомлены}}{{Ознакомлены.Номер}}", "{{Ознакомлены.ФИО}}", "{{Ознакомлены.Должность}}", "{{Ознакомлены.Когда}}", "{{/Ознакомлены}}"],
            [7, 33, 22, 22, 16])
        .Build();
}
