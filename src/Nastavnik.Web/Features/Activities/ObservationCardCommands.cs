using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Activities;

/// <summary>A lesson-observation card as the editor or the API gives it.</summary>
public sealed class CardInput
{
    [Required(ErrorMessage = "Укажите название карты.")]
    [StringLength(300, ErrorMessage = "Название карты длиннее 300 знаков.")]
    public string Name { get; set; } = "";
    public List<CriterionInput> Criteria { get; set; } = [];
}

public sealed class CriterionInput
{
    /// <summary>The criterion it edits; null for a new one.</summary>
    public int? Id { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public int ScaleMin { get; set; }
    public int ScaleMax { get; set; } = ObservationCards.DefaultScale;
}

/// <summary>
/// The school's lesson-observation cards, edited by a curator or an administrator. A card some analysis was made with is never
/// changed in place: saving it archives it (the analyses keep it) and writes the edit as a new card, the default one if it was.
/// </summary>
public sealed class ObservationCardCommands(AppDbContext db, TimeProvider clock)
{
    public const string NotFoundText = "Карта анализа урока не найдена.";
    public const int MaxCriteria = 50;
    public const int MaxScale = 10;

    /// <summary>The card saved and whether it is a new version of a card in use (the old one kept for its analyses).</summary>
    public sealed record Saved(ObservationCard Card, bool Copied);

    public async Task<CommandResult<ObservationCard>> CreateAsync(CardInput input, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        if (Problems(input) is { } invalid) return invalid;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var card = await AddAsync(input, isDefault: false, ct);
        await tx.CommitAsync(ct);
        return card;
    }

    /// <summary>A copy of a card (the seeds' default one, say) to edit as the school's own.</summary>
    public async Task<CommandResult<ObservationCard>> CopyAsync(int id, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        var card = await db.ObservationCards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return CommandError.NotFound(NotFoundText);
        var criteria = await db.ObservationCriteria.AsNoTracking().Where(c => c.CardId == id).OrderBy(c => c.Order).ToListAsync(ct);
        var name = card.Name.Length > 290 ? card.Name[..290] : card.Name;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var copy = await AddAsync(new CardInput
        {
            Name = name + " (копия)",
            Criteria = criteria.Select(c => new CriterionInput { Order = c.Order, Text = c.Text, ScaleMin = c.ScaleMin, ScaleMax = c.ScaleMax }).ToList(),
        }, isDefault: false, ct);
        await tx.CommitAsync(ct);
        return copy;
    }

    /// <summary>
    /// Saves a card's name and criteria from the <paramref name="version"/> the editor read: in place while no analysis uses it,
    /// else as a new version (see the class).
    /// </summary>
    public async Task<CommandResult<Saved>> UpdateAsync(int id, CardInput input, int version, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        var card = await db.ObservationCards.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return CommandError.NotFound(NotFoundText);
        if (card.IsArchived) return CommandError.Conflict("Это прежняя версия карты: её хранят для сделанных по ней анализов и не меняют. Правьте действующую.");
        if (Problems(input) is { } invalid) return invalid;
        var used = await db.LessonObservations.AnyAsync(o => o.CardId == id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        var wasDefault = card.IsDefault;
        if (used)
        {
            card.IsArchived = true;
            card.IsDefault = false;
        }
        else card.Name = input.Name.Trim();
        db.Entry(card).Property(c => c.Name).IsModified = true; // a version bump even when only the criteria change
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Stale; }
        if (used)
        {
            var next = await AddAsync(input, wasDefault, ct);
            await tx.CommitAsync(ct);
            return new Saved(next, true);
        }
        var existing = await db.ObservationCriteria.Where(c => c.CardId == id).ToDictionaryAsync(c => c.Id, ct);
        var kept = new HashSet<int>();
        foreach (var (c, order) in Ordered(input))
        {
            if (c.Id is not { } cid || !existing.TryGetValue(cid, out var row) || !kept.Add(cid))
                db.ObservationCriteria.Add(row = new ObservationCriterion { CardId = id, Text = "" });
            row.Order = order;
            row.Text = c.Text.Trim();
            row.ScaleMin = c.ScaleMin;
            row.ScaleMax = c.ScaleMax;
        }
        db.ObservationCriteria.RemoveRange(existing.Values.Where(c => !kept.Contains(c.Id)));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // An analysis scored a removed criterion meanwhile (its foreign key holds the criterion): nothing is changed.
            return CommandError.Conflict("Пока вы правили карту, по ней начали анализ урока. Откройте карту заново: сохранение создаст её новую версию.");
        }
        await tx.CommitAsync(ct);
        return new Saved(card, false);
    }

    /// <summary>Makes a card the one new lesson visits are analysed with.</summary>
    public async Task<CommandResult<ObservationCard>> SetDefaultAsync(int id, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        var cards = await db.ObservationCards.Where(c => c.Id == id || c.IsDefault).ToListAsync(ct);
        var card = cards.FirstOrDefault(c => c.Id == id);
        if (card is null) return CommandError.NotFound(NotFoundText);
        if (card.IsArchived) return CommandError.Conflict("Прежнюю версию карты нельзя сделать картой по умолчанию.");
        foreach (var c in cards) c.IsDefault = c.Id == id;
        await db.SaveChangesAsync(ct);
        return card;
    }

    private static CommandError Stale => new(ErrorKind.Stale, "Пока вы правили карту, её изменили в другой вкладке.",
        ["Ваши изменения не сохранены: откройте карту заново и внесите их ещё раз."]);

    private CommandError? Refused() => db.School.IsSchoolManager ? null
        : CommandError.Forbidden("Карты анализа урока настраивают куратор или администратор школы.");

    private async Task<ObservationCard> AddAsync(CardInput input, bool isDefault, CancellationToken ct)
    {
        var card = new ObservationCard { Name = input.Name.Trim(), IsDefault = isDefault };
        db.ObservationCards.Add(card);
        await db.SaveChangesAsync(ct);
        db.ObservationCriteria.AddRange(Ordered(input).Select(x => new ObservationCriterion
        {
            CardId = card.Id, Order = x.Order, Text = x.Criterion.Text.Trim(), ScaleMin = x.Criterion.ScaleMin, ScaleMax = x.Criterion.ScaleMax,
        }));
        await db.SaveChangesAsync(ct);
        return card;
    }

    /// <summary>The criteria in the order asked for (ties keep the form's order), numbered from 1.</summary>
    private static IEnumerable<(CriterionInput Criterion, int Order)> Ordered(CardInput input) =>
        input.Criteria.Select((c, i) => (c, i)).OrderBy(x => x.c.Order).ThenBy(x => x.i).Select((x, n) => (x.c, n + 1));

    private CommandError? Problems(CardInput input)
    {
        var problems = InputRules.Validate(input, clock).Select(r => r.ErrorMessage ?? "Неверное значение.").ToList();
        if (input.Criteria.Count == 0) problems.Add("Добавьте хотя бы один критерий.");
        if (input.Criteria.Count > MaxCriteria) problems.Add($"В карте может быть не больше {MaxCriteria} критериев.");
        foreach (var (c, n) in input.Criteria.Select((c, i) => (c, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(c.Text)) problems.Add($"Критерий {n}: укажите его текст.");
            else if (c.Text.Trim().Length > 1000) problems.Add($"Критерий {n}: текст длиннее 1000 знаков.");
            if (c.ScaleMin < 0 || c.ScaleMax > MaxScale || c.ScaleMin >= c.ScaleMax)
                problems.Add($"Критерий {n}: шкала от {c.ScaleMin} до {c.ScaleMax} не подходит — нужна вроде 0–2 или 1–5: наименьший балл от 0, наибольший больше него и не больше {MaxScale}.");
        }
        return problems.Count == 0 ? null : CommandError.Invalid("Карта не сохранена.", problems);
    }
}
