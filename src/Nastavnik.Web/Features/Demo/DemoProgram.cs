using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// The demo school's program of the current school year, as a curator would have it in November: an active program with its
/// indicators, an open self-assessment round that most teachers have answered (veterans offer methods and subjects and need
/// digital skills; young teachers offer digital skills and need methods: the reverse-mentoring network), and portfolios.
/// </summary>
public static class DemoProgram
{
    private static readonly string[] Unoffered = ["PSY-04"]; // a deficit nobody in the school can cover

    private static readonly Dictionary<string, string> Experience = new()
    {
        ["MET-01"] = "Призёр районного конкурса «Учитель года», готовлю коллег к конкурсным урокам",
        ["MET-02"] = "Провожу уроки-квесты и деловые игры, веду мастер-классы по игровым технологиям",
        ["MET-03"] = "Руковожу проектами учеников, мои ученики — призёры научно-практических конференций",
        ["MET-04"] = "Разрабатываю кейсы для уроков и внеурочной деятельности, провела семинар для МО",
        ["MET-05"] = "Работаю в инклюзивных классах, составляю адаптированные программы для детей с ОВЗ",
        ["SUB-01"] = "Веду элективный курс по поэзии Серебряного века, литературная гостиная",
        ["SUB-02"] = "Готовлю к ЕГЭ по физике, лабораторный практикум по механике",
        ["SUB-03"] = "Веду геометрию в профильных 10-х классах, авторские задачники",
        ["SUB-04"] = "Готовлю к ОГЭ и ЕГЭ по русскому языку, разбор синтаксиса на схемах",
        ["SUB-05"] = "Провожу уроки финансовой грамотности, олимпиадная подготовка по экономике",
        ["ICT-01"] = "Веду электронные таблицы успеваемости, формулы и диаграммы в Excel",
        ["ICT-02"] = "Сделала сайт методического объединения, веду страницу класса",
        ["ICT-03"] = "Снимаю и монтирую учебные видеоролики, веду школьный видеоканал",
        ["ICT-04"] = "Делаю интерактивные презентации к урокам, провожу практикумы для коллег",
        ["ICT-05"] = "Отвечаю за заполнение АИС «Параграф» в параллели",
        ["PSY-01"] = "Работаю в школьной службе медиации с детьми группы риска",
        ["PSY-02"] = "Провожу адаптационные занятия с пятиклассниками",
        ["PSY-03"] = "Составляю социальный паспорт класса много лет, помогаю молодым классным руководителям",
        ["PSY-05"] = "Провожу родительские собрания в интерактивной форме",
        ["CLS-01"] = "Классный руководитель 20 лет, веду документацию без ошибок",
        ["CLS-02"] = "Выстроила доверительные отношения с родителями, провожу открытые встречи",
        ["CLS-03"] = "Организую школьные праздники и концерты",
        ["CLS-04"] = "Провожу классные часы патриотического направления с ветеранами и музеями",
        ["CLS-05"] = "Вожу экскурсии по Санкт-Петербургу и области, разработала маршруты",
    };

    private static readonly Dictionary<string, (string Title, string Text)> Portfolio = new()
    {
        ["ICT-03"] = ("Учебные видеоролики для уроков", "Снимаю и монтирую короткие видеоролики к урокам: объяснение темы за пять минут, опыты, экскурсии. Покажу программы для монтажа и как записать видеоролик на телефон."),
        ["ICT-04"] = ("Интерактивные презентации", "Создаю презентации с триггерами и гиперссылками, тренажёры и викторины в PowerPoint для уроков и классных часов."),
        ["ICT-01"] = ("Электронный журнал успеваемости в Excel", "Формулы, условное форматирование, сводные таблицы и диаграммы для анализа успеваемости класса."),
        ["ICT-02"] = ("Сайт методического объединения", "Создала и веду сайт МО: структура, публикация материалов, страницы классов."),
        ["MET-04"] = ("Кейс-технология на уроках", "Разрабатываю кейсы для уроков и внеурочной деятельности; провела семинар по кейсовым технологиям для коллег района."),
        ["MET-02"] = ("Игровые технологии", "Уроки-квесты, деловые и ролевые игры, геймификация домашних заданий."),
        ["MET-03"] = ("Проектная деятельность учеников", "Сопровождаю индивидуальные проекты 9–11 классов; мои ученики — призёры конференций."),
        ["MET-01"] = ("Подготовка к конкурсам профессионального мастерства", "Победитель районного этапа конкурса «Учитель года»; помогаю коллегам готовить конкурсный урок и эссе."),
        ["CLS-04"] = ("Классные часы патриотического направления", "Цикл классных часов о блокаде Ленинграда со встречами с ветеранами и посещением музеев."),
        ["CLS-05"] = ("Экскурсионная работа", "Разработала маршруты по Санкт-Петербургу и Ленинградской области, оформление документов для выездов."),
        ["SUB-02"] = ("Лабораторный практикум по механике", "Цифровая лаборатория, видеофиксация опытов, подготовка к ЕГЭ по физике."),
        ["PSY-03"] = ("Социальный паспорт класса", "Шаблоны и порядок составления социального паспорта класса, работа с документами."),
    };

    public static async Task<MentoringProgram> CreateAsync(AppDbContext db, int schoolId, List<Person> people, Person curator, DateOnly today, CancellationToken ct = default)
    {
        var yearStart = today.Month >= 8 ? today.Year : today.Year - 1;
        var program = new MentoringProgram
        {
            SchoolId = schoolId,
            Name = $"Программа наставничества «Учитель – учителю» на {yearStart}/{yearStart + 1} учебный год",
            StartDate = new DateOnly(yearStart, 9, 1), EndDate = new DateOnly(yearStart + 1, 8, 31),
            Goal = "Максимально полное раскрытие потенциала личности наставляемого, необходимое для успешной личной и профессиональной самореализации; " +
                   "развитие цифровых компетенций педагогов через реверсивное наставничество.",
            Description = "Каждый педагог — наставник в том, в чём силён, и наставляемый в том, чего ему не хватает. Формы: учитель – учитель, реверсивное, ситуационное, флеш- и групповое наставничество.",
            Forms = MentoringForms.TeacherTeacher | MentoringForms.Reverse | MentoringForms.Situational | MentoringForms.Flash | MentoringForms.Group,
            Status = ProgramStatus.Active,
        };
        program.Curators.Add(new ProgramCurator { SchoolId = schoolId, PersonId = curator.Id });
        program.Indicators.Add(Indicator(schoolId, "coverage", "Доля педагогов, вовлечённых в наставничество", 1, yearStart, 20, 30, 50, 70));
        program.Indicators.Add(Indicator(schoolId, "satisfaction", "Удовлетворённость участников программой", 2, yearStart, 85));
        program.Indicators.Add(Indicator(schoolId, "engagement", "Вовлечённость педагогов в мероприятия программы", 3, yearStart, 80));
        program.Indicators.Add(Indicator(schoolId, "digital", "Рост цифровой грамотности педагогов (прирост)", 4, yearStart, 40));
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);

        // The roadmap of seed 002 (stages from preparing conditions to completion); what was due before today is done, except two events the school is late with.
        await RoadmapTemplates.ApplyAsync(db, program, RoadmapTemplates.TargetModel.Code, ct);
        var past = await db.RoadmapEvents.Where(e => e.ProgramId == program.Id && e.DueDate < today)
            .OrderBy(e => e.DueDate).ThenBy(e => e.Id).ToListAsync(ct);
        foreach (var e in past.Take(Math.Max(0, past.Count - 2)))
        {
            e.Status = EventStatus.Done;
            e.Result = "Выполнено в срок.";
        }
        await db.SaveChangesAsync(ct);

        var round = new DiagnosticsRound
        {
            SchoolId = schoolId, ProgramId = program.Id, Title = $"Самодиагностика {yearStart}/{yearStart + 1}",
            OpenedAt = today.AddDays(-14).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), Deadline = today.AddDays(14),
        };
        db.DiagnosticsRounds.Add(round);
        await db.SaveChangesAsync(ct);

        var topics = await db.Topics.Where(t => t.SchoolId == schoolId).OrderBy(t => t.Code).ToDictionaryAsync(t => t.Code, ct);
        var rng = new Random(2026);
        var answered = people.Where(p => p.Consent == ConsentStatus.Given && p.Department != "Администрация").ToList();
        foreach (var person in answered)
        {
            // The veteran demo teacher (login "teacher") has not answered yet; the young one ("teacher2") has.
            if (person == people.First(p => p.ExperienceYears >= 25 && p.Consent == ConsentStatus.Given && p.Position!.StartsWith("Учитель", StringComparison.Ordinal))) continue;
            if (rng.NextDouble() > 0.8 && person != people.First(p => p.ExperienceYears <= 3 && p.Consent == ConsentStatus.Given && p.Position!.StartsWith("Учитель", StringComparison.Ordinal))) continue;
            var (offers, needs) = Answers(person, rng);
            var when = round.OpenedAt.AddHours(rng.Next(1, 13 * 24));
            foreach (var (code, level) in offers)
                db.Offers.Add(new Offer { SchoolId = schoolId, RoundId = round.Id, PersonId = person.Id, TopicId = topics[code].Id, Level = level, Experience = Experience[code], UpdatedAt = when });
            foreach (var (code, priority) in needs)
                db.Needs.Add(new Need { SchoolId = schoolId, RoundId = round.Id, PersonId = person.Id, TopicId = topics[code].Id, Priority = priority, UpdatedAt = when });
            db.RoundResponses.Add(new RoundResponse
            {
                SchoolId = schoolId, RoundId = round.Id, PersonId = person.Id, UpdatedAt = when, UpdatedBy = "demo",
                SubmittedAt = rng.NextDouble() < 0.93 ? when : null,
            });

            var best = offers.Where(o => o.Level == 3 && Portfolio.ContainsKey(o.Code)).Select(o => o.Code).FirstOrDefault();
            if (best is not null && rng.NextDouble() < 0.6)
            {
                var (title, text) = Portfolio[best];
                db.PortfolioItems.Add(new PortfolioItem { SchoolId = schoolId, PersonId = person.Id, TopicId = topics[best].Id, Title = title, Description = text, CreatedAt = when, UpdatedAt = when });
                if (person.Email is not null)
                    db.PortfolioContacts.Add(new PortfolioContact { SchoolId = schoolId, PersonId = person.Id, Kind = ContactKind.Email, Value = person.Email, Visibility = ContactVisibility.School });
                if (person.Phone is not null)
                    db.PortfolioContacts.Add(new PortfolioContact { SchoolId = schoolId, PersonId = person.Id, Kind = ContactKind.Phone, Value = person.Phone, Visibility = ContactVisibility.Administration, SortOrder = 1 });
            }
        }
        await db.SaveChangesAsync(ct);
        return program;
    }

    private static ProgramIndicator Indicator(int schoolId, string code, string name, int order, int yearStart, params decimal[] targets)
    {
        var indicator = new ProgramIndicator { SchoolId = schoolId, Code = code, Name = name, SortOrder = order };
        for (var i = 0; i < targets.Length; i++)
            indicator.Targets.Add(new IndicatorTarget { SchoolId = schoolId, Year = yearStart + 1 + i, Value = targets[i] });
        return indicator;
    }

    /// <summary>What a teacher of this experience and subject would answer: veterans offer methods, need digital skills; the young the reverse.</summary>
    private static (List<(string Code, int Level)> Offers, List<(string Code, int Priority)> Needs) Answers(Person p, Random rng)
    {
        var exp = p.ExperienceYears ?? 0;
        var subject = SubjectTopic(p.Subjects, p.Id);
        string[] met = ["MET-01", "MET-02", "MET-03", "MET-04", "MET-05"];
        string[] ict = ["ICT-01", "ICT-02", "ICT-03", "ICT-04", "ICT-05"];
        string[] psy = ["PSY-01", "PSY-02", "PSY-03", "PSY-04", "PSY-05"];
        string[] cls = ["CLS-01", "CLS-02", "CLS-03", "CLS-04", "CLS-05"];
        var offers = new Dictionary<string, int>();
        var needs = new Dictionary<string, int>();
        string Pick(string[] from) => from[rng.Next(from.Length)];
        if (exp <= 5)
        {
            offers[Pick(ict[..4])] = rng.Next(2, 4);
            if (rng.NextDouble() < 0.5) offers[Pick(ict[..4])] = rng.Next(1, 4);
            needs[Pick(met)] = rng.Next(2, 4);
            needs[Pick(cls)] = rng.Next(1, 4);
            if (rng.NextDouble() < 0.6) needs[Pick(psy)] = rng.Next(1, 4);
            if (subject is not null && rng.NextDouble() < 0.4) needs[subject] = 2;
        }
        else if (exp < 20)
        {
            offers[Pick(met)] = 2;
            if (subject is not null) offers[subject] = rng.Next(2, 4);
            if (rng.NextDouble() < 0.4) offers[Pick(ict)] = rng.Next(1, 3);
            needs[Pick(ict)] = rng.Next(1, 4);
            if (rng.NextDouble() < 0.5) needs[Pick(psy)] = rng.Next(1, 3);
        }
        else
        {
            offers[Pick(met)] = 3;
            if (subject is not null) offers[subject] = 3;
            if (rng.NextDouble() < 0.7) offers[Pick(cls)] = rng.Next(2, 4);
            if (rng.NextDouble() < 0.3) offers[Pick(psy)] = 2;
            needs[Pick(ict[..4])] = 3;
            if (rng.NextDouble() < 0.7) needs[Pick(ict)] = rng.Next(1, 4);
        }
        foreach (var code in Unoffered) offers.Remove(code);
        foreach (var code in offers.Keys) needs.Remove(code);
        return (offers.Select(o => (o.Key, o.Value)).ToList(), needs.Select(n => (n.Key, n.Value)).ToList());
    }

    private static string? SubjectTopic(string? subjects, int id) => subjects switch
    {
        null => null,
        _ when subjects.Contains("Русский", StringComparison.OrdinalIgnoreCase) && id % 2 == 0 => "SUB-04",
        _ when subjects.Contains("литератур", StringComparison.OrdinalIgnoreCase) => "SUB-01",
        _ when subjects.Contains("Физика", StringComparison.OrdinalIgnoreCase) => "SUB-02",
        _ when subjects.Contains("Математика", StringComparison.OrdinalIgnoreCase) || subjects.Contains("Геометр", StringComparison.OrdinalIgnoreCase) => "SUB-03",
        _ when subjects.Contains("Русский", StringComparison.OrdinalIgnoreCase) => "SUB-04",
        _ when subjects.Contains("Обществознание", StringComparison.OrdinalIgnoreCase) || subjects.Contains("Экономика", StringComparison.OrdinalIgnoreCase) => "SUB-05",
        _ => null,
    };
}
