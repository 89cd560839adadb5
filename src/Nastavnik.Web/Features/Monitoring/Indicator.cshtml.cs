using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>One indicator: its formula and source data; for an external one its values over time with proofs and the form to add one.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class IndicatorModel(AppDbContext db, ProgramIndicators indicators, IndicatorValueCommands values, TimeProvider clock) : PageModel
{
    public sealed record ValueRow(int Id, decimal Value, DateOnly Date, string Source, string? Comment, string? ProofFileName, string CreatedBy, int Version);

    public ProgramIndicatorReport Report { get; private set; } = null!;
    public IndicatorResult Indicator { get; private set; } = null!;
    public List<ValueRow> Values { get; private set; } = [];
    [BindProperty] public IndicatorValueInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Proof { get; set; }

    public async Task<IActionResult> OnGetAsync(int programId, string code, CancellationToken ct)
    {
        if (!await LoadAsync(programId, code, ct)) return NotFound();
        Input.Date = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programId, string code, CancellationToken ct)
    {
        if (!await LoadAsync(programId, code, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var upload = Proof is { } f ? new FileUpload(f.FileName, f.Length, f.OpenReadStream()) : null;
        var result = await values.AddAsync(programId, code, Input, upload, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = "Значение добавлено.";
        return Redirect(Url());
    }

    public async Task<IActionResult> OnPostDeleteAsync(int programId, string code, int valueId, int version, CancellationToken ct)
    {
        var result = await values.DeleteAsync(programId, valueId, version, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) TempData["Error"] = error.Message;
        else TempData["Flash"] = "Значение удалено.";
        return Redirect(Url());
    }

    /// <summary>The proof of a value, handed out like the portfolio's files and written to the download audit (DownloadAudit).</summary>
    public async Task<IActionResult> OnGetProofAsync(int programId, int valueId, CancellationToken ct)
    {
        var value = await values.FindAsync(programId, valueId, ct);
        if (value?.ProofContent is not { } content || value.ProofFileName is not { } name) return NotFound();
        return PortfolioFiles.Download(Response, content, name);
    }

    private new string Url() => $"/Monitoring/{Report.ProgramId}/Indicators/{Uri.EscapeDataString(Indicator.Code)}";

    private async Task<bool> LoadAsync(int programId, string code, CancellationToken ct)
    {
        if (await indicators.ComputeAsync(programId, clock.Today(), ct) is not { } report) return false;
        if (report.Indicators.FirstOrDefault(i => i.Code == code) is not { } indicator) return false;
        (Report, Indicator) = (report, indicator);
        if (indicator is { External: true, IndicatorId: { } id })
            Values = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == id).OrderByDescending(v => v.Date).ThenByDescending(v => v.Id)
                .Select(v => new ValueRow(v.Id, v.Value, v.Date, v.Source, v.Comment, v.ProofFileName, v.CreatedBy, v.Version)).ToListAsync(ct);
        return true;
    }
}
