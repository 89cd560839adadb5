using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Web.Features.Demo;

/// <summary>A few materials of the demo school's practice bank: a methodical material, a practice and a completed pair's case.</summary>
public static class DemoPractices
{
    public static async Task AddAsync(AppDbContext db, int schoolId, IReadOnlyList<Person> people, CancellationToken ct = default)
    {
        var authors = people.Where(p => !p.IsArchived && p.Consent == ConsentStatus.Given).Take(3).ToList();
        if (authors.Count < 3) return;
        var topics = await db.Topics.Where(t => t.SchoolId == schoolId).OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync(ct);
        var pair = await db.MentoringPairs.Where(p => p.SchoolId == schoolId && p.Status == PairStatus.Completed).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.MentorId, p.TopicId }).FirstOrDefaultAsync(ct);
        db.PracticeMaterials.AddRange(
            new PracticeMaterial
            {
                SchoolId = schoolId, Kind = PracticeKind.Material, Title = "Памятка наставнику: первая встреча с молодым учителем", AuthorId = authors[0].Id,
                TopicId = topics.ElementAtOrDefault(0), Tags = ";адаптация;первая встреча;",
                Description = "Как провести организационную встречу: знакомство, ожидания сторон, договорённости о времени и формах работы.\nВ приложении — чек-лист встречи.",
                Links = "https://edsoo.ru/",
                Files = [ChecklistFile(schoolId)],
            },
            new PracticeMaterial
            {
                SchoolId = schoolId, Kind = PracticeKind.Practice, Title = "Взаимопосещение уроков в методическом объединении", AuthorId = authors[1].Id,
                TopicId = topics.ElementAtOrDefault(1), Tags = ";открытый урок;анализ урока;", SharedWithDistrict = true,
                Description = "График взаимопосещений на четверть, единая карта анализа урока и обсуждение на заседании МО.",
            },
            new PracticeMaterial
            {
                SchoolId = schoolId, Kind = PracticeKind.Case, Title = "Кейс пары: формирующее оценивание в 5 классе", AuthorId = pair?.MentorId ?? authors[2].Id,
                TopicId = pair?.TopicId ?? topics.ElementAtOrDefault(2), PairId = pair?.Id, Tags = ";кейс пары;оценивание;",
                Description = "Цели:\n— освоить приёмы формирующего оценивания\nРезультаты:\n— открытый урок с листами самооценки, отзывы коллег положительные",
            });
        await db.SaveChangesAsync(ct);
    }

    private static PracticeFile ChecklistFile(int schoolId)
    {
        var bytes = new OfficialDocxBuilder().Title("Чек-лист первой встречи наставника и молодого учителя")
            .Numbered("Познакомиться, рассказать о себе и о школе.", "Обсудить ожидания и трудности первых недель.",
                "Договориться о времени встреч и способах связи.", "Наметить первые цели индивидуального плана.")
            .Build();
        return new PracticeFile
        {
            SchoolId = schoolId, FileName = "Чек-лист первой встречи.docx", ContentType = Files.DocxWriter.ContentType, Length = bytes.Length, Content = bytes,
        };
    }
}
