using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>The consent form of one person of the registry (.docx), for the curator and the administration; audited by <see cref="DownloadAudit"/>.</summary>
[Authorize(Policy = Policies.StaffRead)]
public class ConsentModel(ConsentForm consent) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) =>
        DownloadAudit.PageFile(this, await consent.ForAsync(personId, ct));
}
