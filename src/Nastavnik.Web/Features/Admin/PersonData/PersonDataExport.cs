using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.PersonData;

/// <summary>
/// The .zip of a person's data: one JSON file per kind of record (<see cref="PersonalRecords"/>), the files they own under
/// <c>files/</c>, and README.txt in Russian. Dates are ISO 8601 (times in UTC), enums by name; navigation properties, file contents,
/// search columns, tokens and hashes are never written.
/// </summary>
internal static class PersonDataExport
{
    private static readonly string[] Secret = ["Content", "ProofContent", "SearchText", "Token", "Hash", "PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutLinksAndSecrets } },
    };

    private static void LeaveOutLinksAndSecrets(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var p in info.Properties.ToList())
        {
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            var isEntity = type.Namespace == typeof(Person).Namespace && type.IsClass;
            var isList = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && type.GetGenericArguments()[0].Namespace == typeof(Person).Namespace;
            if (isEntity || isList || Secret.Contains(p.Name)) info.Properties.Remove(p);
        }
    }

    public static byte[] Write(IReadOnlyList<(string File, object Rows)> parts, IReadOnlyList<ExportedFile> files, DateTime at)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(Readme(parts, files.Count, at)));
            foreach (var (file, rows) in parts) Add(zip, file, JsonSerializer.SerializeToUtf8Bytes(rows, Json));
            foreach (var f in files) Add(zip, f.Path, f.Content);
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        stream.Write(content);
    }

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["person.json"] = "карточка сотрудника в реестре (ФИО, должность, предметы, стаж, год рождения, контакты, согласие на обработку ПДн)",
        ["accounts.json"] = "учётная запись: логин, имя, адрес, роли (без пароля, его хэша и секретов входа)",
        ["sign-in-codes.json"] = "выданные одноразовые коды и ссылки для входа: когда выданы и использованы (сами коды не хранятся)",
        ["notifications.json"] = "уведомления, адресованные человеку",
        ["notification-settings.json"] = "настройки писем",
        ["letters.json"] = "письма, адресованные человеку",
        ["self-assessment.json"] = "листы самодиагностики (когда заполнены и кем изменены)",
        ["offers.json"] = "ресурсные компетенции (темы, в которых может быть наставником)",
        ["needs.json"] = "профессиональные дефициты (темы, в которых нужна помощь)",
        ["choices.json"] = "выбор наставников на этапе выбора",
        ["mentor-availability.json"] = "сколько наставляемых готов взять",
        ["declined-offers.json"] = "темы, от которых отказался как наставник",
        ["match-decisions.json"] = "решения куратора о подборе наставника для человека",
        ["portfolio-items.json"] = "портфолио: материалы, достижения, ссылки",
        ["portfolio-contacts.json"] = "контакты из портфолио и кому они видны",
        ["pairs.json"] = "наставнические пары, где человек наставник или наставляемый (вторая сторона — по номеру)",
        ["pair-history.json"] = "история статусов этих пар",
        ["pair-agreements.json"] = "договоры о наставничестве этих пар",
        ["pair-reports.json"] = "квартальные отчёты этих пар",
        ["plans.json"] = "индивидуальные образовательные маршруты (ИОМ) человека",
        ["plan-goals.json"] = "цели ИОМ",
        ["plan-tasks.json"] = "задачи ИОМ и их результаты",
        ["plan-corrections.json"] = "корректировки ИОМ",
        ["meetings.json"] = "встречи, где человек наставник или участник, и его присутствие",
        ["meeting-notes.json"] = "личные заметки человека к встречам",
        ["meeting-feedback.json"] = "отзывы человека о встречах",
        ["consultations.json"] = "консультации, которые человек запросил или провёл",
        ["calendar-feeds.json"] = "личная ссылка на календарь (только дата создания; сама ссылка секретна)",
        ["events.json"] = "участие в мероприятиях дорожной карты",
        ["order-acknowledgements.json"] = "приказы, с которыми человека знакомили, и когда он подтвердил ознакомление",
        ["program-curators.json"] = "программы, где человек куратор",
        ["roadmap-events.json"] = "мероприятия дорожной карты, где человек ответственный",
        ["activities.json"] = "совместные мероприятия (взаимопосещения, открытые уроки и др.) и роль в них",
        ["activity-files.json"] = "файлы, прикреплённые человеком к мероприятиям",
        ["lesson-observations.json"] = "анализ посещённых уроков, где человек наблюдатель или его урок посещали",
        ["survey-recipients.json"] = "опросы, отправленные человеку, и ответил ли он",
        ["survey-answers.json"] = "ответы человека на именные (неанонимные) опросы",
        ["announcements.json"] = "объявления, написанные человеком",
        ["audit.json"] = "журнал: изменения карточки человека, его входы в систему и действия (что и когда)",
    };

    private static string Readme(IReadOnlyList<(string File, object Rows)> parts, int files, DateTime at)
    {
        var text = new StringBuilder();
        text.AppendLine("Выгрузка персональных данных (152-ФЗ)");
        text.AppendLine($"Сформирована: {RussianText.Date(DateOnly.FromDateTime(at))} (UTC {at:yyyy-MM-ddTHH:mm:ssZ}).");
        text.AppendLine();
        text.AppendLine("Всё, что система «Наставник» хранит о человеке. Каждый файл .json — один вид записей; даты в формате ISO 8601,");
        text.AppendLine("время в UTC. Другие люди в записях названы только номерами, их данные в выгрузку не входят.");
        text.AppendLine();
        foreach (var (file, _) in parts) text.AppendLine($"{file} — {Descriptions.GetValueOrDefault(file, "")}");
        text.AppendLine($"files/ — файлы человека ({files} шт.): материалы портфолио (portfolio), мероприятий (activities), ИОМ (plans).");
        text.AppendLine();
        text.AppendLine("Не входят в выгрузку:");
        text.AppendLine("— ответы на анонимные опросы: они хранятся без имени и ни с кем не связаны, поэтому найти ответы человека невозможно;");
        text.AppendLine("— пароль, его хэш и секреты входа (одноразовые коды хранятся только в виде хэша);");
        foreach (var (_, reason) in PersonalDataMap.Excluded.Skip(1)) text.AppendLine($"— {reason}.");
        return text.ToString();
    }
}
