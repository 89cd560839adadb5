namespace Nastavnik.Web.Features.Notifications;

/// <summary>A kind of notification: its code (stored) and how the settings page names it to a teacher.</summary>
public sealed record NotificationKind(string Code, string Title);

/// <summary>
/// Every kind of notification, in the order the settings page lists them. A reminder (<see cref="IReminder"/>) names one of
/// these; the next issues add theirs here (meetings, tasks, surveys).
/// </summary>
public static class NotificationKinds
{
    public static readonly NotificationKind RoundOpened = new("round-opened", "Открыт тур диагностики");
    public static readonly NotificationKind RoundDeadline = new("round-deadline", "Скоро срок самооценки");
    public static readonly NotificationKind ChoiceStageOpened = new("choice-opened", "Открыт выбор наставника");
    public static readonly NotificationKind ChoiceStageClosing = new("choice-closing", "Выбор наставника скоро закроется");
    public static readonly NotificationKind PairsApproved = new("pairs-approved", "Пары утверждены");
    public static readonly NotificationKind RoadmapOverdue = new("roadmap-overdue", "Просрочено мероприятие дорожной карты");
    public static readonly NotificationKind Announcement = new("announcement", "Объявления куратора и администрации");
    public static readonly NotificationKind MenteeWithoutPair = new("mentee-without-pair", "Наставляемый остался без пары");
    public static readonly NotificationKind PlanTaskDue = new("plan-task-due", "Скоро срок задачи плана");
    public static readonly NotificationKind PlanTaskOverdue = new("plan-task-overdue", "Просрочена задача плана");
    public static readonly NotificationKind PairReportDue = new("pair-report-due", "Квартальный отчёт пары");
    public static readonly NotificationKind MeetingTomorrow = new("meeting-tomorrow", "Завтра встреча наставничества");
    public static readonly NotificationKind FeedbackWaiting = new("feedback-waiting", "Оцените встречу наставничества");
    public static readonly NotificationKind PairStalled = new("pair-stalled", "Пара остановилась (куратору)");
    public static readonly NotificationKind ConsultationAsked = new("consultation-asked", "Вас просят о консультации");
    public static readonly NotificationKind ConsultationAnswered = new("consultation-answered", "Ответ на просьбу о консультации");
    public static readonly NotificationKind EventInvited = new("event-invited", "Приглашение на мероприятие программы");
    public static readonly NotificationKind Survey = new("survey", "Новый опрос и срок ответа");

    public static readonly IReadOnlyList<NotificationKind> All =
        [RoundOpened, RoundDeadline, ChoiceStageOpened, ChoiceStageClosing, PairsApproved, RoadmapOverdue, Announcement, MenteeWithoutPair, PlanTaskDue, PlanTaskOverdue, PairReportDue, MeetingTomorrow, FeedbackWaiting, PairStalled, ConsultationAsked, ConsultationAnswered, EventInvited, Survey];

    public static NotificationKind? Find(string code) => All.FirstOrDefault(k => k.Code == code);
}
