using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

/// <summary>What the curator types to register a generated order: the school's own number, the date and who signs (the director by default).</summary>
public sealed class RegisterOrderInput
{
    [Required(ErrorMessage = "Выберите, какой приказ регистрировать.")]
    [StringLength(50, ErrorMessage = "Неизвестный приказ.")]
    [Display(Name = "Приказ")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Укажите номер приказа по журналу регистрации школы.")]
    [StringLength(40, ErrorMessage = "Номер приказа длиннее 40 символов.")]
    [Display(Name = "Номер")]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "Укажите дату приказа.")]
    [SchoolDate("приказа")]
    [Display(Name = "Дата")]
    public DateOnly? Date { get; set; }

    [StringLength(300, ErrorMessage = "ФИО подписывающего длиннее 300 символов.")]
    [Display(Name = "Подписывает (ФИО)")]
    public string? SignerName { get; set; }

    [StringLength(200, ErrorMessage = "Должность подписывающего длиннее 200 символов.")]
    [Display(Name = "Должность подписывающего")]
    public string? SignerPosition { get; set; }
}

/// <summary>
/// The register of orders (реестр приказов) of a program: a generated order registered with the school's number, date and signer, its
/// .docx frozen at that moment, signed with its scan attached; the people it concerns acknowledge it (<see cref="AcknowledgementCommands"/>).
/// Read through the privacy filters: the managers see every order, a teacher only those that concern them.
/// </summary>
public sealed class OrderRegister(AppDbContext db, ProgramOrders orders, PairDocuments pairs)
{
    public sealed record Row(int Id, int ProgramId, string Code, string Title, string Number, DateOnly Date, string SignerName, string? SignerPosition,
        RegisteredOrderStatus Status, int Version, string? ScanName, int Acknowledged, int Concerned);

    public async Task<List<Row>> ListAsync(int programId, CancellationToken ct = default) =>
        await db.RegisteredOrders.AsNoTracking().Where(o => o.ProgramId == programId).OrderByDescending(o => o.Date).ThenByDescending(o => o.Id)
            .Select(o => new Row(o.Id, o.ProgramId, o.Code, o.Title, o.Number, o.Date, o.SignerName, o.SignerPosition, o.Status, o.Version,
                db.RegisteredOrderFiles.Where(f => f.OrderId == o.Id && f.Kind == OrderFileKind.Scan).Select(f => f.FileName).FirstOrDefault(),
                db.OrderAcknowledgements.Count(a => a.OrderId == o.Id && a.ConfirmedAt != null),
                db.OrderAcknowledgements.Count(a => a.OrderId == o.Id)))
            .ToListAsync(ct);

    public async Task<Row?> FindAsync(int orderId, CancellationToken ct = default) =>
        (await db.RegisteredOrders.AsNoTracking().Where(o => o.Id == orderId).Select(o => o.ProgramId).ToListAsync(ct)) is [var programId]
            ? (await ListAsync(programId, ct)).FirstOrDefault(r => r.Id == orderId) : null;

    /// <summary>Generates the order with the number and date, freezes its .docx and gives everyone it concerns an acknowledgement to confirm.</summary>
    public async Task<CommandResult<RegisteredOrder>> RegisterAsync(int programId, RegisterOrderInput input, CancellationToken ct = default)
    {
        if (InputRules.Check(input, db.Clock, "Приказ не зарегистрирован.") is { } invalid) return invalid;
        if (!await db.Programs.AnyAsync(p => p.Id == programId, ct)) return CommandError.NotFound("Программа не найдена.");
        var template = ProgramOrders.All.FirstOrDefault(t => t.Code == input.Code);
        if (template is null) return CommandError.Invalid("Приказ не зарегистрирован.", "Такого приказа нет в списке приказов программы.");
        var number = RussianText.Clean(input.Number)!;
        var date = input.Date!.Value;
        if (await db.RegisteredOrders.AnyAsync(o => o.Year == date.Year && o.Number == number, ct)) return Duplicate(number, date.Year);
        var school = await pairs.SchoolAsync(db.School.SchoolId ?? CurrentSchool.NoSchool, ct);
        var signer = RussianText.Clean(input.SignerName) ?? school.Values["Школа.ДиректорФИО"];
        if (signer is null)
            return CommandError.Invalid("Приказ не зарегистрирован.", "Укажите, кто подписывает приказ: в реквизитах школы не указан директор.");
        var position = RussianText.Clean(input.SignerPosition) ?? school.Values["Школа.ДолжностьДиректора"];
        // The frozen order prints who signs it: the director by default, or the acting head typed here.
        var generated = await orders.GenerateAsync(programId, template.Code, number, date, new Signer(signer, position), ct);
        if (generated.Error is { } error) return error;
        var order = new RegisteredOrder
        {
            ProgramId = programId, Code = template.Code, Title = template.Title, Number = number, Date = date, Year = date.Year,
            SignerName = signer, SignerPosition = position,
            Status = RegisteredOrderStatus.Draft, RegisteredBy = db.School.UserName,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.RegisteredOrders.Add(order);
            await db.SaveChangesAsync(ct);
            var file = generated.Value!.File;
            db.RegisteredOrderFiles.Add(new RegisteredOrderFile
            {
                OrderId = order.Id, Kind = OrderFileKind.Docx, FileName = $"Приказ № {Safe(number)} от {RussianText.Date(date)} — {template.Title}.docx",
                ContentType = file.ContentType, Length = file.Bytes.LongLength, Content = file.Bytes,
            });
            foreach (var (personId, _) in generated.Value.Readers)
                db.OrderAcknowledgements.Add(new OrderAcknowledgement { OrderId = order.Id, PersonId = personId });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Duplicate(number, date.Year);
        }
        return order;
    }

    /// <summary>Marks the order signed with the scan of its signed paper (PDF, JPEG or PNG up to <see cref="OrderScans.MaxBytes"/>); a new scan replaces the old.</summary>
    public async Task<CommandResult<RegisteredOrder>> SignAsync(int orderId, int version, string? fileName, byte[]? content, CancellationToken ct = default)
    {
        var order = await db.RegisteredOrders.FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null || !db.School.IsSchoolManager) return CommandError.NotFound("Приказ не найден.");
        if (order.Version != version) return CommandError.Stale("Запись о приказе изменил другой пользователь. Обновите страницу и повторите.");
        var existing = await db.RegisteredOrderFiles.FirstOrDefaultAsync(f => f.OrderId == orderId && f.Kind == OrderFileKind.Scan, ct);
        if (content is null || string.IsNullOrWhiteSpace(fileName))
        {
            if (existing is null) return CommandError.Invalid("Приказ не отмечен подписанным.", "Приложите скан подписанного приказа: PDF, JPEG или PNG.");
        }
        else
        {
            if (OrderScans.Problem(fileName, content) is { } problem) return CommandError.Invalid("Скан не принят.", problem);
            if (existing is not null) db.RegisteredOrderFiles.Remove(existing);
            db.RegisteredOrderFiles.Add(new RegisteredOrderFile
            {
                OrderId = orderId, Kind = OrderFileKind.Scan, FileName = Path.GetFileName(fileName), ContentType = OrderScans.ContentType(fileName)!,
                Length = content.LongLength, Content = content,
            });
        }
        order.Status = RegisteredOrderStatus.Signed;
        order.SignedAt ??= db.Clock.UtcTime();
        db.Entry(order).Property(x => x.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale("Запись о приказе изменил другой пользователь. Обновите страницу и повторите.");
        }
        return order;
    }

    /// <summary>The registered order's frozen .docx or its scan, for the managers and the people it concerns.</summary>
    public async Task<CommandResult<DocumentFile>> FileAsync(int orderId, OrderFileKind kind, CancellationToken ct = default)
    {
        var file = await db.RegisteredOrderFiles.AsNoTracking().Where(f => f.OrderId == orderId && f.Kind == kind)
            .Select(f => new DocumentFile(f.Content, f.ContentType, f.FileName)).FirstOrDefaultAsync(ct);
        return file is null ? CommandError.NotFound(kind == OrderFileKind.Scan ? "Скан приказа не приложен." : "Приказ не найден.") : file;
    }

    private static CommandError Duplicate(string number, int year) =>
        CommandError.Conflict($"Приказ № {number} в {year} году уже зарегистрирован: номера приказов в течение календарного года не повторяются. Укажите другой номер.");

    private static string Safe(string number) => string.Concat(number.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '-' : c));
}

/// <summary>What a scan of a signed order may be: PDF, JPEG or PNG, by extension and by its first bytes, up to 10 MB.</summary>
public static class OrderScans
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Accept = ".pdf,.jpg,.jpeg,.png";

    public static string? ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        _ => null,
    };

    public static string? Problem(string fileName, byte[] content)
    {
        var name = Path.GetFileName(fileName);
        var type = ContentType(fileName);
        if (type is null) return $"Файл «{name}» не принят: прикладывайте скан в PDF, JPEG или PNG.";
        if (content.Length == 0) return $"Файл «{name}» пустой.";
        if (content.LongLength > MaxBytes) return $"Файл «{name}» больше 10 МБ: отсканируйте с меньшим разрешением (200 точек на дюйм достаточно).";
        ReadOnlySpan<byte> head = content.AsSpan(0, Math.Min(8, content.Length));
        var looksRight = type switch
        {
            "application/pdf" => head.StartsWith("%PDF"u8),
            "image/jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
            _ => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]),
        };
        return looksRight ? null : $"Файл «{name}» повреждён или не является {(type == "application/pdf" ? "PDF" : "изображением")}: сохраните скан заново.";
    }
}

/// <summary>Reading an uploaded scan for the page and the API: refused before reading when it is over the limit.</summary>
public static class OrderScanUpload
{
    public static async Task<(string? Name, byte[]? Content, string? Problem)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return (null, null, null);
        if (file.Length > OrderScans.MaxBytes)
            return (null, null, $"Файл «{Path.GetFileName(file.FileName)}» больше 10 МБ: отсканируйте с меньшим разрешением (200 точек на дюйм достаточно).");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (file.FileName, buffer.ToArray(), null);
    }
}
