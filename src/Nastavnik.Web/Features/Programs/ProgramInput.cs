using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>What a user may enter about a program; shared by the edit page and the API so the rules are the same.</summary>
public sealed class ProgramInput : IValidatableObject
{
    [Required(ErrorMessage = "Укажите название программы.")]
    [StringLength(300, ErrorMessage = "Название длиннее 300 символов.")]
    [Display(Name = "Название")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Укажите дату начала программы.")]
    [Display(Name = "Начало")]
    [SchoolDate("программы")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Укажите дату окончания программы.")]
    [Display(Name = "Окончание")]
    [SchoolDate("программы")]
    public DateOnly? EndDate { get; set; }

    [StringLength(2000, ErrorMessage = "Цель длиннее 2000 символов.")]
    [Display(Name = "Цель программы")]
    public string? Goal { get; set; }

    [StringLength(8000, ErrorMessage = "Описание длиннее 8000 символов.")]
    [Display(Name = "Описание")]
    public string? Description { get; set; }

    public List<MentoringForms> Forms { get; set; } = [];
    /// <summary>Null (absent in an API call) keeps the curators as they are.</summary>
    public List<int>? CuratorIds { get; set; }

    [Display(Name = "Статус")]
    public ProgramStatus Status { get; set; }

    /// <summary>Null (absent in an API call) keeps the indicators as they are.</summary>
    public List<IndicatorInput>? Indicators { get; set; }

    public sealed class IndicatorInput
    {
        public int? Id { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Unit { get; set; } = "%";
        public bool Remove { get; set; }
        public List<TargetInput> Targets { get; set; } = [];
    }

    public sealed class TargetInput
    {
        public int? Year { get; set; }
        public decimal? Value { get; set; }
    }

    private IEnumerable<IndicatorInput> Kept => (Indicators ?? []).Where(i => !i.Remove && !string.IsNullOrWhiteSpace(i.Name));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartDate is { } s && EndDate is { } e && e < s)
            yield return new ValidationResult("Дата окончания раньше даты начала: проверьте период программы.", [nameof(EndDate)]);
        if (StartDate is { } s2 && EndDate is { } e2 && e2 > s2.AddYears(10))
            yield return new ValidationResult("Программа длиннее 10 лет: проверьте год окончания.", [nameof(EndDate)]);
        for (var i = 0; i < (Indicators?.Count ?? 0); i++)
        {
            var ind = Indicators![i];
            if (ind.Remove) continue;
            var filled = ind.Targets.Where(t => t.Year is not null || t.Value is not null).ToList();
            if (string.IsNullOrWhiteSpace(ind.Name))
            {
                if (filled.Count > 0) yield return new ValidationResult($"Показатель № {i + 1}: укажите название или отметьте «удалить».", [$"Indicators[{i}].Name"]);
                continue;
            }
            if (ind.Name.Length > 300) yield return new ValidationResult($"Показатель «{ind.Name[..40]}…»: название длиннее 300 символов.", [$"Indicators[{i}].Name"]);
            if (filled.Any(t => t.Year is null || t.Value is null))
                yield return new ValidationResult($"Показатель {RussianText.Quote(ind.Name)}: у каждого целевого значения укажите и год, и значение.", [$"Indicators[{i}].Targets"]);
            if (filled.Any(t => t.Year is < 2000 or > 2100))
                yield return new ValidationResult($"Показатель {RussianText.Quote(ind.Name)}: год — четыре цифры, например {validationContext.GetRequiredService<TimeProvider>().Today().Year}.", [$"Indicators[{i}].Targets"]);
            if (filled.Any(t => t.Value is < -1000 or > 100000))
                yield return new ValidationResult($"Показатель {RussianText.Quote(ind.Name)}: значение вне разумных пределов.", [$"Indicators[{i}].Targets"]);
            if (filled.Where(t => t.Year is not null).GroupBy(t => t.Year).Any(g => g.Count() > 1))
                yield return new ValidationResult($"Показатель {RussianText.Quote(ind.Name)}: один год указан дважды.", [$"Indicators[{i}].Targets"]);
        }
    }

    public static ProgramInput From(MentoringProgram p) => new()
    {
        Name = p.Name, StartDate = p.StartDate, EndDate = p.EndDate, Goal = p.Goal, Description = p.Description, Status = p.Status,
        Forms = ProgramLabels.Forms.Select(f => f.Form).Where(f => p.Forms.HasFlag(f)).ToList(),
        CuratorIds = p.Curators.Select(c => c.PersonId).ToList(),
        Indicators = p.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorInput
        {
            Id = i.Id, Code = i.Code, Name = i.Name, Unit = i.Unit,
            Targets = i.Targets.OrderBy(t => t.Year).Select(t => new TargetInput { Year = t.Year, Value = t.Value }).ToList(),
        }).ToList(),
    };

    /// <summary>A new program for the school year that starts next (or is under way), with the seeds' target indicators.</summary>
    public static ProgramInput New(DateOnly today)
    {
        var year = today.Month >= 6 ? today.Year : today.Year - 1;
        var input = new ProgramInput
        {
            Name = $"Программа наставничества {year}/{year + 1}", StartDate = new DateOnly(year, 9, 1), EndDate = new DateOnly(year + 1, 8, 31),
            Forms = [MentoringForms.TeacherTeacher, MentoringForms.Reverse],
        };
        input.Indicators = DefaultIndicators(input.StartDate.Value, input.EndDate.Value);
        return input;
    }

    /// <summary>Room in the form: four year/value slots per indicator and one blank indicator to add.</summary>
    public void PadForForm()
    {
        Indicators ??= [];
        if (Indicators.Count == 0 || !string.IsNullOrWhiteSpace(Indicators[^1].Name)) Indicators.Add(new IndicatorInput { Code = "custom" });
        foreach (var i in Indicators)
            while (i.Targets.Count < 4) i.Targets.Add(new TargetInput());
    }

    /// <summary>The calendar year a school year ends in: 2026 for a date of 2025/2026.</summary>
    public static int SchoolYearEnd(DateOnly d) => d.Month >= 9 ? d.Year + 1 : d.Year;

    /// <summary>The seeds' targets: coverage of teachers 20/30/50/70 % over consecutive years (002), engagement 80 %, digital literacy +40 %, satisfaction 85 % (000).</summary>
    public static List<IndicatorInput> DefaultIndicators(DateOnly start, DateOnly end)
    {
        var first = SchoolYearEnd(start);
        var last = Math.Max(first, SchoolYearEnd(end));
        IndicatorInput One(string code, string name, string unit, decimal value) =>
            new() { Code = code, Name = name, Unit = unit, Targets = [new() { Year = last, Value = value }] };
        return
        [
            new() { Code = "coverage", Name = "Охват педагогических работников программами наставничества", Unit = "%",
                Targets = [new() { Year = first, Value = 20 }, new() { Year = first + 1, Value = 30 }, new() { Year = first + 2, Value = 50 }, new() { Year = first + 3, Value = 70 }] },
            One("satisfaction", "Удовлетворенность педагогов профессиональной средой", "%", 85),
            One("engagement", "Вовлеченность педагогов в наставничество", "%", 80),
            One("digital", "Повышение уровня цифровой грамотности педагогов", "% прироста", 40),
        ];
    }

    /// <summary>Copies the input onto a tracked program (curators and indicators with targets included; indicators keep their ids).</summary>
    public async Task ApplyToAsync(AppDbContext db, MentoringProgram p, CancellationToken ct)
    {
        p.Name = RussianText.Clean(Name) ?? "";
        p.StartDate = StartDate!.Value;
        p.EndDate = EndDate!.Value;
        p.Goal = RussianText.Clean(Goal);
        p.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        p.Forms = Forms.Aggregate(MentoringForms.None, (a, f) => a | f);
        p.Status = Status;

        if (CuratorIds is not null) await ApplyCuratorsAsync(db, p, CuratorIds, ct);
        if (Indicators is not null) ApplyIndicators(p);
    }

    private static async Task ApplyCuratorsAsync(AppDbContext db, MentoringProgram p, List<int> curatorIds, CancellationToken ct)
    {
        // Only the school's own staff can be curators; the query filter keeps other schools' people out.
        var wanted = await db.People.Where(x => curatorIds.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
        p.Curators.RemoveAll(c => !wanted.Contains(c.PersonId));
        foreach (var id in wanted.Where(id => p.Curators.All(c => c.PersonId != id)))
            p.Curators.Add(new ProgramCurator { PersonId = id, SchoolId = p.SchoolId });
    }

    private void ApplyIndicators(MentoringProgram p)
    {
        var kept = Kept.ToList();
        p.Indicators.RemoveAll(i => kept.All(k => k.Id != i.Id));
        var order = 0;
        foreach (var k in kept)
        {
            var ind = p.Indicators.FirstOrDefault(i => i.Id == k.Id && k.Id is not null);
            if (ind is null)
            {
                ind = new ProgramIndicator { Code = "custom", Name = "", SchoolId = p.SchoolId };
                p.Indicators.Add(ind);
            }
            ind.Code = RussianText.Clean(k.Code) ?? ind.Code;
            ind.Name = RussianText.Clean(k.Name) ?? "";
            ind.Unit = RussianText.Clean(k.Unit) ?? "%";
            ind.SortOrder = ++order;
            var targets = k.Targets.Where(t => t.Year is not null && t.Value is not null).ToList();
            ind.Targets.RemoveAll(t => targets.All(x => x.Year != t.Year));
            foreach (var t in targets)
            {
                var existing = ind.Targets.FirstOrDefault(x => x.Year == t.Year);
                if (existing is null) ind.Targets.Add(new IndicatorTarget { Year = t.Year!.Value, Value = t.Value!.Value, SchoolId = p.SchoolId });
                else existing.Value = t.Value!.Value;
            }
        }
    }
}

public static class ProgramRules
{
    /// <summary>Why the program may not become active (another one is), or null.</summary>
    public static async Task<string?> ActiveConflictAsync(AppDbContext db, int programId, ProgramStatus status, CancellationToken ct)
    {
        if (status != ProgramStatus.Active) return null;
        var active = await db.Programs.AsNoTracking().Where(p => p.Status == ProgramStatus.Active && p.Id != programId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        return active is null ? null
            : $"В школе уже активна программа {RussianText.Quote(active)}. Одновременно активной может быть только одна программа: сначала завершите {RussianText.Quote(active)} (статус «завершена»), затем активируйте эту. Пока можно сохранить её как черновик.";
    }

    /// <summary>The program with curators and indicators, tracked for editing.</summary>
    public static Task<MentoringProgram?> LoadForEditAsync(this AppDbContext db, int id, CancellationToken ct) =>
        db.Programs.Include(p => p.Curators).Include(p => p.Indicators).ThenInclude(i => i.Targets).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
}
