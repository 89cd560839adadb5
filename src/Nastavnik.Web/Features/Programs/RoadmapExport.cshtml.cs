using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Programs;

/// <summary>The roadmap as .xlsx or .docx in the seeds' layout: №, Мероприятие, Сроки, Ответственный (and Статус, Результат).</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class RoadmapExportModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public static readonly string[] Headers = ["№", "Мероприятие", "Сроки", "Ответственный", "Статус", "Результат"];

    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        var roadmap = await Roadmap.LoadAsync(db, id, ct);
        if (roadmap is null) return NotFound();
        var today = clock.Today();
        var name = $"Дорожная карта — {FileSafe(roadmap.Program.Name)}";
        if (format == "docx")
        {
            var rows = new List<DocxWriter.Row>();
            for (var si = 0; si < roadmap.Stages.Count; si++)
            {
                var s = roadmap.Stages[si];
                rows.Add(DocxWriter.Row.Heading($"Этап {si + 1}. {s.Title}"));
                rows.AddRange(s.Events.Select((e, ei) => new DocxWriter.Row(Cells(si, ei, e, today))));
            }
            var bytes = DocxWriter.Write(new DocxWriter.Document("Дорожная карта", $"{roadmap.Program.Name}, {ProgramLabels.Period(roadmap.Program)}",
                Headers, rows, [6, 42, 16, 18, 10, 18]));
            return File(bytes, DocxWriter.ContentType, name + ".docx");
        }
        // One sheet, stage in its own column so the table can be filtered by stage in Excel.
        var xlsxRows = roadmap.Stages.SelectMany((s, si) => s.Events.Select((e, ei) => (IReadOnlyList<object?>)[.. Cells(si, ei, e, today), $"{si + 1}. {s.Title}"]));
        var xlsx = XlsxWriter.Write(new XlsxWriter.Sheet("Дорожная карта", [.. Headers, "Этап"], xlsxRows));
        return File(xlsx, XlsxWriter.ContentType, name + ".xlsx");
    }

    private static string?[] Cells(int si, int ei, RoadmapEvent e, DateOnly today) =>
        [Roadmap.Number(si, ei), e.Title, ProgramLabels.Timing(e), ProgramLabels.Responsible(e), ProgramLabels.Event(e, today), e.Result];

    private static string FileSafe(string name) =>
        new(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || char.IsControl(c) || c is '"' or '\\' or '/' ? ' ' : c).ToArray());
}
