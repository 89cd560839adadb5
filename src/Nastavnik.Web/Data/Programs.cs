namespace Nastavnik.Web.Data;

public enum ProgramStatus { Draft, Active, Completed }

/// <summary>Forms of mentoring a program uses (seeds 000–004); several at once.</summary>
[Flags]
public enum MentoringForms
{
    None = 0,
    TeacherTeacher = 1,
    Traditional = 2,
    Reverse = 4,
    Situational = 8,
    Flash = 16,
    Group = 32,
}

/// <summary>A school's mentorship program for a period: goal, forms, curators, target indicators and its roadmap.</summary>
public class MentoringProgram : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string? Goal { get; set; }
    public string? Description { get; set; }
    public MentoringForms Forms { get; set; }
    public ProgramStatus Status { get; set; }
    /// <summary>The program this one was copied from for the next year (targets, roadmap, templates, surveys); the dashboard compares the two.</summary>
    public int? PreviousProgramId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ProgramCurator> Curators { get; set; } = [];
    public List<ProgramIndicator> Indicators { get; set; } = [];
    public List<RoadmapStage> Stages { get; set; } = [];
}

/// <summary>A person who curates a program (usually the deputy head).</summary>
public class ProgramCurator : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>A target indicator of a program (coverage of teachers, satisfaction, …) with its yearly targets; monitoring measures against these.</summary>
public class ProgramIndicator : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    /// <summary>What monitoring measures: coverage, satisfaction, engagement, digital, or custom.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Unit { get; set; } = "%";
    public int SortOrder { get; set; }
    public List<IndicatorTarget> Targets { get; set; } = [];
}

/// <summary>The target value of an indicator for one year (the calendar year the school year ends in, e.g. 2026 for 2025/2026).</summary>
public class IndicatorTarget : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int IndicatorId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
}

/// <summary>A stage of a roadmap (подготовительный, основной, аналитический, …).</summary>
public class RoadmapStage : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public required string Title { get; set; }
    public int SortOrder { get; set; }
    public List<RoadmapEvent> Events { get; set; } = [];
}

/// <summary>Stored status of a roadmap event; «просрочено» is derived: planned and past its due date.</summary>
public enum EventStatus { Planned, Done, Cancelled }

/// <summary>An event of a roadmap: what, when (dates or a period such as «сентябрь» or «в течение года»), who is responsible, status, result.</summary>
public class RoadmapEvent : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public int StageId { get; set; }
    public RoadmapStage? Stage { get; set; }
    public required string Title { get; set; }
    public DateOnly? StartDate { get; set; }
    /// <summary>Last day of the event; an event whose period is a month is due on the month's last day.</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>The period as the school writes it, when it is not just dates («сентябрь – октябрь», «в течение года»).</summary>
    public string? Timing { get; set; }
    /// <summary>A role or a group as written in the seeds («куратор», «руководители МО»), when no single person is named.</summary>
    public string? ResponsibleText { get; set; }
    public int? ResponsiblePersonId { get; set; }
    public Person? ResponsiblePerson { get; set; }
    public EventStatus Status { get; set; }
    public string? Result { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => Status == EventStatus.Planned && DueDate is { } due && due < today;
}
