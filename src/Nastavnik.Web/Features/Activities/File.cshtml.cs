using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// Serves a file of an activity to those who see the activity (the privacy filter), as an attachment with the type chosen by the
/// server and no sniffing, like the portfolio's files; the download is audited (DownloadAudit).
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class FileModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var file = await db.ActivityFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null) return NotFound();
        return PortfolioFiles.Download(Response, file.Content, file.FileName);
    }
}
