using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Catalog;

/// <summary>The five directions and their topics from seed 004 (ГБОУ СОШ № 291), with stable codes. Every new school starts from it.</summary>
public static class DefaultCatalog
{
    public sealed record TopicSeed(string Code, string Name, bool Digital = false);
    public sealed record DirectionSeed(string Code, string Name, TopicSeed[] Topics);

    public static readonly DirectionSeed[] Directions =
    [
        new("MET", "Методическое наставничество",
        [
            new("MET-01", "Подготовка к конкурсам профессионального мастерства"),
            new("MET-02", "Игровые образовательные технологии"),
            new("MET-03", "Учебно-исследовательская и проектная деятельность"),
            new("MET-04", "Кейс-технология"),
            new("MET-05", "Организация работы с обучающимися с ОВЗ"),
        ]),
        new("SUB", "Предметное наставничество",
        [
            new("SUB-01", "Серебряный век русской поэзии"),
            new("SUB-02", "Физика. Механика"),
            new("SUB-03", "Геометрия, 10 класс"),
            new("SUB-04", "Синтаксис"),
            new("SUB-05", "Обществознание. Экономика. Финансовая грамотность"),
        ]),
        new("ICT", "ИКТ-наставничество",
        [
            new("ICT-01", "Microsoft Excel", true),
            new("ICT-02", "Создание сайта или страницы", true),
            new("ICT-03", "Создание видеороликов (программы)", true),
            new("ICT-04", "Microsoft PowerPoint", true),
            new("ICT-05", "Базы данных АИС «Параграф»", true),
        ]),
        new("PSY", "Психолого-педагогическое сопровождение обучающихся",
        [
            new("PSY-01", "Взаимодействие педагогов в работе с обучающимися группы риска"),
            new("PSY-02", "Диагностика обучающихся, адаптация"),
            new("PSY-03", "Составление социального паспорта класса"),
            new("PSY-04", "Работа с родителями (законными представителями) обучающихся с высоким риском неуспешности"),
            new("PSY-05", "Подготовка к родительским собраниям"),
        ]),
        new("CLS", "Организация работы классного руководителя",
        [
            new("CLS-01", "Работа с документацией классного руководителя"),
            new("CLS-02", "Работа с родителями"),
            new("CLS-03", "Организация внеклассных мероприятий"),
            new("CLS-04", "Подготовка классных часов (патриотическое направление)"),
            new("CLS-05", "Экскурсионная работа"),
        ]),
    ];

    public static void AddTo(AppDbContext db, int schoolId)
    {
        var order = 0;
        foreach (var d in Directions)
        {
            var direction = new Direction { SchoolId = schoolId, Code = d.Code, Name = d.Name, SortOrder = ++order };
            var topicOrder = 0;
            foreach (var t in d.Topics)
                direction.Topics.Add(new Topic { SchoolId = schoolId, Code = t.Code, Name = t.Name, IsDigital = t.Digital, SortOrder = ++topicOrder });
            db.Directions.Add(direction);
        }
    }
}
