using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// The consent to the processing of personal data (152-ФЗ, art. 9) a teacher signs on paper before taking part in the program: filled
/// with their name, position and the school as the operator, with what the system keeps about them and why; the passport and the
/// address are left as lines to fill by hand (the system does not keep them).
/// </summary>
public sealed class ConsentForm(AppDbContext db, PairDocuments pairs, TemplateStore templates)
{
    public static readonly DocumentTemplate Template = new("consent", "Согласие на обработку персональных данных",
    [
        new("Школа.Наименование", "полное наименование школы (оператор персональных данных)"),
        new("Школа.Директор", "директор: И. О. Фамилия"),
        new("Педагог.ФИО", "Фамилия Имя Отчество педагога"),
        new("Педагог.Должность", "должность педагога"),
        new("Согласие.Дата", "дата: «25» ноября 2026 г."),
    ], Build);

    public async Task<CommandResult<DocumentFile>> ForAsync(int personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.SchoolId, p.LastName, p.FirstName, p.MiddleName, p.Position }).FirstOrDefaultAsync(ct);
        if (person is null) return CommandError.NotFound("Сотрудник не найден.");
        var name = PersonName.Full(person.LastName, person.FirstName, person.MiddleName);
        var data = (await pairs.SchoolAsync(person.SchoolId, ct))
            .Set("Педагог.ФИО", name)
            .Set("Педагог.Должность", RussianText.InSentence(person.Position))
            .Set("Согласие.Дата", RussianText.DocumentDate(db.Clock.Today()));
        var filled = await templates.FillAsync(person.SchoolId, Template, data, ct);
        if (filled.Error is { } refused) return refused;
        return new DocumentFile(filled.Value!, DocxWriter.ContentType, $"Согласие на обработку ПДн — {name}.docx");
    }

    private static byte[] Build() => new OfficialDocxBuilder()
        .Title("СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ")
        .Paragraph("Я, {{Педагог.ФИО}}, {{Педагог.Должность}}, паспорт серия ______ № __________, выдан ______________________________________, зарегистрированный(ая) по адресу: ______________________________________________,")
        .Paragraph("в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие оператору — {{Школа.Наименование}} — на обработку моих персональных данных в целях организации и реализации программы наставничества педагогических работников, мониторинга её результатов и подготовки отчётности.")
        .Paragraph("Перечень персональных данных: фамилия, имя, отчество; должность, преподаваемые предметы, методическое объединение; педагогический стаж, год рождения, квалификационная категория; адрес электронной почты и номер телефона; результаты самодиагностики профессиональных компетенций и дефицитов; ответы на именные опросы; сведения об участии в наставнических парах и группах, встречах и мероприятиях; материалы портфолио.")
        .Paragraph("Действия с персональными данными: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) в пределах образовательной организации и органа управления образованием, обезличивание, блокирование, удаление, уничтожение — с использованием средств автоматизации и без них.")
        .Paragraph("Сведения о профессиональных дефицитах и ответы на опросы доступны только мне, куратору программы и администрации образовательной организации, а после утверждения наставнической пары — моему наставнику по соответствующей теме. Ответы на анонимные опросы с моей личностью не связываются.")
        .Paragraph("Согласие действует со дня подписания до окончания моего участия в программе наставничества либо до его отзыва. Согласие может быть отозвано мной письменным заявлением на имя руководителя образовательной организации.")
        .Blank()
        .Paragraph("{{Согласие.Дата}}")
        .Signature("Подпись", "{{Педагог.ФИО}}")
        .Build();
}
