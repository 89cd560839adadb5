using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Announcements;

/// <summary>«Новое объявление»: a title, a text and the group it goes to; sent through <see cref="AnnouncementCommands"/>.</summary>
[Authorize(Policy = Policies.AnnouncementsWrite)]
public class NewModel(AppDbContext db, AnnouncementCommands commands) : PageModel
{
    public sealed record Option(int Id, string Name);

    [BindProperty] public AnnouncementInput Input { get; set; } = new();
    public List<string> Departments { get; private set; } = [];
    public List<Option> Programs { get; private set; } = [];
    public List<Option> Rounds { get; private set; } = [];

    public static readonly IReadOnlyList<(AnnouncementGroup Group, string Name)> Groups =
    [
        (AnnouncementGroup.AllStaff, "Все педагоги"),
        (AnnouncementGroup.Mentors, "Наставники (пары действующей программы)"),
        (AnnouncementGroup.Mentees, "Наставляемые (пары действующей программы)"),
        (AnnouncementGroup.Department, "Методическое объединение"),
        (AnnouncementGroup.ProgramPairs, "Пары программы"),
        (AnnouncementGroup.NotAnswered, "Не ответившие в туре диагностики"),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var result = await commands.CreateAsync(Input, ct);
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            await LoadAsync(ct);
            return Page();
        }
        var sent = result.Value!;
        TempData["Flash"] = $"Объявление отправлено: {RussianText.Plural(sent.Recipients, "получатель", "получателя", "получателей")}.";
        return Redirect(AnnouncementCommands.Link(sent.Announcement.Id));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
        Departments = (await db.People.Where(p => !p.IsArchived && p.Department != null).Select(p => p.Department!).Distinct().ToListAsync(ct))
            .Order(order).ToList();
        Programs = await db.Programs.AsNoTracking().OrderBy(p => p.Status == ProgramStatus.Active ? 0 : 1).ThenByDescending(p => p.StartDate)
            .Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
        Rounds = await db.DiagnosticsRounds.AsNoTracking().OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
            .Select(r => new Option(r.Id, r.Title)).ToListAsync(ct);
    }
}
