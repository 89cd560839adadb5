using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// «Реестр приказов» of a program: the generated orders registered with the school's number, date and signer, their status, the signed
/// scan and how many of the people concerned have acknowledged each. The program's managers only.
/// </summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class RegisterModel(AppDbContext db, OrderRegister register, TimeProvider clock) : PageModel
{
    public MentoringProgram? Program { get; private set; }
    public List<OrderRegister.Row> Orders { get; private set; } = [];
    [BindProperty] public RegisterOrderInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int programId, string? code, CancellationToken ct)
    {
        if (!await LoadAsync(programId, ct)) return NotFound();
        Input = new RegisterOrderInput { Code = code ?? "", Date = clock.Today() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programId, CancellationToken ct)
    {
        if (!await LoadAsync(programId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await register.RegisterAsync(programId, Input, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = $"Приказ № {result.Value!.Number} зарегистрирован. Когда его подпишут, приложите скан: тогда педагоги, которых он касается, увидят его на главной странице.";
        return RedirectToPage(new { programId });
    }

    public async Task<IActionResult> OnPostSignAsync(int programId, int orderId, int version, IFormFile? scan, CancellationToken ct)
    {
        var (name, content, problem) = await OrderScanUpload.ReadAsync(scan, ct);
        var result = problem is not null ? CommandError.Invalid("Скан не принят.", problem) : await register.SignAsync(orderId, version, name, content, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) TempData["Error"] = error.FullText;
        else TempData["Flash"] = $"Приказ № {result.Value!.Number} отмечен подписанным, скан приложен. Педагоги, которых он касается, видят его на главной странице и отмечают ознакомление.";
        return RedirectToPage(new { programId });
    }

    private async Task<bool> LoadAsync(int programId, CancellationToken ct)
    {
        Program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (Program is null) return false;
        Orders = await register.ListAsync(programId, ct);
        return true;
    }
}
