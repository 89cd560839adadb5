using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Documents;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// A school for the documents' tests: the program 2026/2027 with three pairs — Ёлкина Анна Сергеевна (T0) mentored Петров Пётр Ильич
/// (T1) in MET-01 and Иванов Иван Петрович (T3) mentored Соловьёва Мария Олеговна (T2) in ICT-01, both completed on 20.05.2027 (the
/// first with «Открытый урок проведён»); T0 still mentors T2 in ICT-02.
/// </summary>
public sealed record DocumentCase(TestSchool School, int ProgramId, Dictionary<string, string> TopicNames)
{
    public static readonly DateOnly Day = new(2026, 11, 25);
    public const string DayText = "«25» ноября 2026 г.";

    public string Name(int i) => School.Teachers[i].FullName;

    public static async Task<DocumentCase> SeedAsync(AppFixture app)
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        var topics = await school.TopicIdsAsync();
        var ended = new DateTime(2027, 5, 20, 9, 0, 0, DateTimeKind.Utc);
        MentoringPair Pair(int mentor, int mentee, string topic, PairStatus status, string? comment = null) => new()
        {
            SchoolId = school.Id, ProgramId = programId, MentorId = school.Teachers[mentor].PersonId, MenteeId = school.Teachers[mentee].PersonId,
            TopicId = topics[topic], ApprovedBy = "test", ApprovedAt = ended.AddMonths(-8), Status = status,
            EndedAt = status == PairStatus.Completed ? ended : null, EndComment = comment,
        };
        await app.WithDb(db =>
        {
            db.MentoringPairs.AddRange(Pair(0, 1, "MET-01", PairStatus.Completed, "Открытый урок проведён"), Pair(3, 2, "ICT-01", PairStatus.Completed),
                Pair(0, 2, "ICT-02", PairStatus.Active));
            return db.SaveChangesAsync();
        });
        var names = await app.WithDb(db => db.Topics.Where(t => t.SchoolId == school.Id).Select(t => new { t.Code, Name = t.Direction!.Name + ": " + t.Name }).ToDictionaryAsync(t => t.Code, t => t.Name));
        return new DocumentCase(school, programId, names);
    }

    /// <summary>The paragraphs of a .docx body, table cells included, as a reader sees them (line breaks as «\n»).</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }))).ToList();
    }

    /// <summary>The text of a PDF by pdftotext (poppler-utils), whitespace folded to single spaces.</summary>
    public static string PdfText(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, pdf);
            using var p = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            p.ExitCode.ShouldBe(0);
            return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
