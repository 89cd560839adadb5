namespace Nastavnik.Web.Data;

/// <summary>What a survey is for: its template (seeds 000–004) and what monitoring reads from it.</summary>
public enum SurveyKind { Custom, Entry, Exit, MentorSatisfaction, MenteeSatisfaction, Swot, Curator, Pulse }

/// <summary>Who a survey is sent to; resolved to people when it is sent (<see cref="SurveyRecipient"/>).</summary>
public enum SurveyAudience { AllStaff, Mentors, Mentees, ProgramPairs, Department, Pair }

public enum SurveyStatus { Draft, Sent, Closed }

/// <summary>
/// Scale 1–5 or 1–10; single or multiple choice of <see cref="SurveyQuestion.Options"/>; short or long text; a self-rating 1–5 of
/// one topic (<see cref="SurveyQuestion.TopicId"/>), which monitoring compares between the entry and the exit survey.
/// </summary>
public enum QuestionType { Scale5, Scale10, SingleChoice, MultipleChoice, ShortText, LongText, TopicRating }

/// <summary>What an indicator reads from a question: satisfaction (the share of answers at or above the threshold), the climate
/// (a scale aggregated for the psychologist), a SWOT quadrant's texts, or nothing.</summary>
public enum QuestionMeasure { None, Satisfaction, Climate, Strengths, Weaknesses, Opportunities, Threats }

/// <summary>
/// A survey of a program (or of the school when <see cref="ProgramId"/> is null): its questions, the group it was sent to, the
/// deadline. An anonymous survey's answers carry no person: see <see cref="SurveyResponse"/>. A pulse is a pair's short survey
/// sent by itself 30 days after the pair started and then every 60 (<see cref="PairId"/>, <see cref="PulseNumber"/>).
/// </summary>
public class Survey : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int? ProgramId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public SurveyKind Kind { get; set; }
    public bool Anonymous { get; set; }
    public SurveyAudience Audience { get; set; }
    /// <summary>The department when <see cref="Audience"/> is <see cref="SurveyAudience.Department"/>.</summary>
    public string? Department { get; set; }
    public int? PairId { get; set; }
    public int? PulseNumber { get; set; }
    public DateOnly? Deadline { get; set; }
    public SurveyStatus Status { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
}

public class SurveyQuestion : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int SurveyId { get; set; }
    public int SortOrder { get; set; }
    public QuestionType Type { get; set; }
    public required string Text { get; set; }
    /// <summary>The choices of a single or multiple choice question, one per line.</summary>
    public string? Options { get; set; }
    public bool Required { get; set; }
    /// <summary>The topic a <see cref="QuestionType.TopicRating"/> question rates.</summary>
    public int? TopicId { get; set; }
    public QuestionMeasure Measure { get; set; }
    /// <summary>For <see cref="QuestionMeasure.Satisfaction"/>: the lowest answer counted as satisfied (4 of 5, 8 of 10 unless the template says otherwise).</summary>
    public int? SatisfiedFrom { get; set; }
}

/// <summary>A person a survey was sent to, and whether they answered. It never points to the answer: for an anonymous survey nothing does.</summary>
public class SurveyRecipient : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int SurveyId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public bool Answered { get; set; }
}

/// <summary>
/// One person's answers to a survey. Anonymous: <see cref="PersonId"/> is null, the key is a random Guid (no order of arrival) and only
/// the day is kept; it is not audited, and the database's hidden row stamps are wiped when it is written (SurveyCommands.AnswerAsync).
/// Named: the person, for the curator and the person.
/// </summary>
public class SurveyResponse : ISchoolOwned
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public int SurveyId { get; set; }
    public int? PersonId { get; set; }
    public DateOnly Day { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>An answer to one question: a scale value or a chosen option's index (one row per option of a multiple choice), or text.</summary>
public class SurveyAnswer : ISchoolOwned
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? Number { get; set; }
    public string? Text { get; set; }
}
