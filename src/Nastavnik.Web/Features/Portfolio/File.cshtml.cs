using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>
/// Serves a portfolio file to the school's staff: always as an attachment under its Russian name, with the content type the server
/// chose from the extension at upload and no sniffing, so an uploaded file never runs as a page of the site.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class FileModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // The tenant filter makes another school's file «not found», as if it did not exist.
        var file = await db.PortfolioFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null) return NotFound();
        return PortfolioFiles.Download(Response, file.Content, file.FileName);
    }
}
