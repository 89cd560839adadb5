using System.Text.Json.Serialization;
using LockIssueKind = Nastavnik.Matching.LockIssueKind;

namespace Nastavnik.Web.Data;

public enum MatchingRunMode { Optimal, Stable }

/// <summary>
/// One press of «Подобрать пары»: the engine's proposal for a program's round, kept so the page can show it, compare it with the
/// previous run and approve it. The assignments are stored as JSON (<see cref="ProposedAssignment"/>[]): mentee, mentor, topic, score and
/// the facts that explain it; they name people and topics by database id.
/// </summary>
public class MatchingRun : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public int RoundId { get; set; }
    public MatchingRunMode Mode { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public long Objective { get; set; }
    public int NeedsServed { get; set; }
    public int NeedsTotal { get; set; }
    public required string AssignmentsJson { get; set; }
    /// <summary>
    /// Locks the engine could not honour (<see cref="StoredLockIssue"/>[] as JSON; runs stored before the codes hold Russian messages,
    /// string[]); null when all held.
    /// </summary>
    public string? LockIssuesJson { get; set; }
}

/// <summary>
/// One proposed assignment of a run (the JSON of <see cref="MatchingRun.AssignmentsJson"/>) with the engine's facts that explain it;
/// the page renders them as text. Runs stored before the facts have <see cref="MentorLevel"/> 0 and a ready text in <see cref="Explanation"/>.
/// </summary>
public sealed record ProposedAssignment(
    int MenteeId, int MentorId, int TopicId, int Score, int Priority, bool Reverse,
    int MentorLevel = 0, int PreferenceRank = 0, bool SameSchool = false, bool ReverseDigital = false, bool Locked = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Explanation = null);

/// <summary>
/// A lock the engine could not honour, as stored in <see cref="MatchingRun.LockIssuesJson"/>: the code, database ids and the exhausted
/// limit (the engine's LockIssue.Limit). <see cref="Text"/> holds the Russian message of a run stored before the codes.
/// </summary>
public sealed record StoredLockIssue(
    [property: JsonConverter(typeof(JsonStringEnumConverter<LockIssueKind>))] LockIssueKind Kind,
    int MenteeId, int TopicId, int MentorId, int Limit = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null);

public enum MatchDecisionKind { Lock, Reject }

/// <summary>A curator's decision on a (mentee, topic, mentor) proposal: keep it in every next run (Lock) or never propose it (Reject).</summary>
public class MatchDecision : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public int MenteeId { get; set; }
    public int TopicId { get; set; }
    public int MentorId { get; set; }
    public MatchDecisionKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>An approved mentoring pair of a program on one topic; a group is several pairs with the same mentor and topic.</summary>
public class MentoringPair : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public int MentorId { get; set; }
    public Person? Mentor { get; set; }
    public int MenteeId { get; set; }
    public Person? Mentee { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public DateTime ApprovedAt { get; set; }
    public required string ApprovedBy { get; set; }

    /// <summary>Approved → Active (the first meeting held or the curator starts it) → Completed, or EndedEarly with a reason.</summary>
    public PairStatus Status { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public PairEndReason? EndReason { get; set; }
    public string? EndComment { get; set; }
    /// <summary>Created by hand by the curator (checked by the engine for capacity and conflicts), not by «Утвердить пары».</summary>
    public bool Manual { get; set; }
    public int Version { get; set; }

    /// <summary>A pair that still works or will: its mentor sees the mentee's need in its topic (ADR-004).</summary>
    public bool IsLive => Status is PairStatus.Approved or PairStatus.Active;
}

/// <summary>Where a pair is in its life; a group is several pairs of one mentor on one topic, each with its own status.</summary>
public enum PairStatus { Approved, Active, Completed, EndedEarly }

/// <summary>Why a pair ended before its program did.</summary>
public enum PairEndReason { DidNotWork, TeacherLeft, NeedMet, Other }

/// <summary>
/// The choice stage after the round table for one diagnostics round: while it is open, mentees rank up to three mentors for each
/// of their needs and mentors state how many mentees they can take and which of their topics they decline. The matching engine
/// reads these (ProgramMatchingInput) whether the stage is open or closed; closing only stops the changes.
/// </summary>
public class ChoiceStage : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public int RoundId { get; set; }
    public DateTime OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }

    public bool IsOpen => ClosedAt is null;
}

/// <summary>
/// A mentee's choice of a mentor for one need, rank 1–3 (1 = most wanted). It reveals the need, so its query filter is the one of
/// <see cref="Need"/>: the mentee, the school's curators and administrators.
/// </summary>
public class Choice : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int RoundId { get; set; }
    public int MenteeId { get; set; }
    public int TopicId { get; set; }
    public int MentorId { get; set; }
    public int Rank { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A mentor's answer in the choice stage: how many mentees they can take in total (0–10).</summary>
public class MentorAvailability : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int RoundId { get; set; }
    public int PersonId { get; set; }
    public int Capacity { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>A topic a mentor offered in diagnostics but declines to mentor in this round: the engine leaves that offer out.</summary>
public class DeclinedOffer : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int RoundId { get; set; }
    public int PersonId { get; set; }
    public int TopicId { get; set; }
}
