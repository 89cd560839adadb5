using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// Edits a lesson-observation card (or writes a new one without an id): its name and criteria with text, scale and order; new rows
/// left empty are not saved. A card already used by an analysis is saved as a new version (the page says so before the save).
/// </summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class CardModel(AppDbContext db, ObservationCardCommands commands) : PageModel
{
    public const int BlankRows = 3;
    public static readonly IReadOnlyList<string> Scales = ["0-1", "0-2", "0-3", "1-3", "1-4", "1-5", "0-5", "0-10", "1-10"];

    public sealed class Row
    {
        public int? Id { get; set; }
        public int Order { get; set; }
        public string? Text { get; set; }
        public string Scale { get; set; } = "0-2";
        public bool Remove { get; set; }
    }

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<Row> Rows { get; set; } = [];
    public int? CardId { get; private set; }
    public int Analyses { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        CardId = id;
        if (id is { } cardId)
        {
            var card = await db.ObservationCards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId, ct);
            if (card is null) return NotFound();
            if (card.IsArchived) return RedirectToPage("/Activities/Cards");
            Name = card.Name;
            Version = card.Version;
            Rows = await db.ObservationCriteria.AsNoTracking().Where(c => c.CardId == cardId).OrderBy(c => c.Order)
                .Select(c => new Row { Id = c.Id, Order = c.Order, Text = c.Text, Scale = c.ScaleMin + "-" + c.ScaleMax }).ToListAsync(ct);
            Analyses = await db.LessonObservations.CountAsync(o => o.CardId == cardId, ct);
        }
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        ModelState.Clear();
        CardId = id;
        var input = new CardInput
        {
            Name = Name,
            Criteria = Rows.Where(r => !r.Remove && !(r.Id is null && string.IsNullOrWhiteSpace(r.Text)))
                .Select(r => { var (min, max) = Parse(r.Scale); return new CriterionInput { Id = r.Id, Order = r.Order, Text = r.Text ?? "", ScaleMin = min, ScaleMax = max }; })
                .ToList(),
        };
        CommandError? error;
        if (id is { } cardId)
        {
            var saved = await commands.UpdateAsync(cardId, input, Version, ct);
            if (saved.Error is { Kind: ErrorKind.NotFound }) return NotFound();
            error = saved.Error;
            if (error is null)
            {
                TempData["Flash"] = saved.Value!.Copied
                    ? "Карта уже использовалась в анализах, поэтому сохранена её новая версия; прежние анализы остались со старой."
                    : "Карта сохранена.";
                return RedirectToPage("/Activities/Cards");
            }
        }
        else
        {
            var created = await commands.CreateAsync(input, ct);
            error = created.Error;
            if (error is null)
            {
                TempData["Flash"] = "Карта создана.";
                return RedirectToPage("/Activities/Cards");
            }
        }
        error!.AddTo(ModelState);
        if (id is { } used) Analyses = await db.LessonObservations.CountAsync(o => o.CardId == used, ct);
        AddBlankRows();
        return Page();
    }

    private void AddBlankRows()
    {
        var next = Rows.Count == 0 ? 1 : Rows.Max(r => r.Order) + 1;
        var blank = Math.Max(0, BlankRows - Rows.Count(r => r.Id is null && string.IsNullOrWhiteSpace(r.Text)));
        for (var i = 0; i < blank; i++) Rows.Add(new Row { Order = next + i });
    }

    /// <summary>«1-5» as (1, 5); anything else as an empty scale the command refuses with its message.</summary>
    private static (int Min, int Max) Parse(string? scale)
    {
        var parts = (scale ?? "").Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? (min, max) : (0, 0);
    }
}
