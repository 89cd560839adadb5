namespace Nastavnik.Web.Data;

/// <summary>
/// A mentee's individual plan (ИОМ, индивидуальный образовательный маршрут) in a program: one per mentee, with goals tied to their
/// needs (topics) and tasks, each task tied to the pair it belongs to (in reverse mentoring a teacher has several mentors).
/// </summary>
public class DevelopmentPlan : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public int MenteeId { get; set; }
    public Person? Mentee { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A goal of a plan, tied to one need's topic and to the pair working on it.</summary>
public class PlanGoal : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PlanId { get; set; }
    public int PairId { get; set; }
    public int TopicId { get; set; }
    public required string Text { get; set; }
    public int Version { get; set; }
}

public enum PlanTaskOwner { Mentee, Mentor }

public enum PlanTaskStatus { Planned, InProgress, Done, Dropped }

/// <summary>A task of a plan: deadline, owner, status, result or evidence, and the mentor's acceptance of a done task.</summary>
public class PlanTask : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PlanId { get; set; }
    public int PairId { get; set; }
    public int? GoalId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateOnly? DueOn { get; set; }
    public PlanTaskOwner Owner { get; set; }
    public PlanTaskStatus Status { get; set; }
    public string? ResultText { get; set; }
    public string? ResultLink { get; set; }
    public DateTime? DoneAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>A file attached to a task as evidence, checked by type and size like the portfolio's.</summary>
public class PlanTaskFile : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int TaskId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>One correction of a plan (корректировка индивидуального плана), in Russian, with who and when; tied to the pair it concerns.</summary>
public class PlanCorrection : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PlanId { get; set; }
    public int PairId { get; set; }
    public int? TaskId { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public required string What { get; set; }
}

/// <summary>The curator's template of a plan for one topic: tasks a new plan can start from.</summary>
public class PlanTemplate : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int TopicId { get; set; }
    public required string Title { get; set; }
    public int Version { get; set; }
}

/// <summary>A task of a plan template; its deadline is counted in days from the day the template is applied.</summary>
public class PlanTemplateTask : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int TemplateId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public PlanTaskOwner Owner { get; set; }
    public int? DueInDays { get; set; }
}
