using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Practices;

/// <summary>A file of a material the viewer may read, handed out like a portfolio's (attachment, nosniff, sandbox); any other id is 404.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class FileModel(PracticeQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await queries.FileAsync(id, ct) is { } file ? PortfolioFiles.Download(Response, file.Content, file.FileName) : NotFound();
}
