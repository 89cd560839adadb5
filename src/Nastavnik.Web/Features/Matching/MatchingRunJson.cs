using System.Text.Json;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The JSON columns of <see cref="MatchingRun"/>. Reading tolerates the shapes of runs stored by earlier releases: assignments with a
/// ready Russian explanation instead of the facts, and lock issues as Russian strings instead of codes.
/// </summary>
public static class MatchingRunJson
{
    public static IReadOnlyList<ProposedAssignment> Assignments(MatchingRun run) =>
        JsonSerializer.Deserialize<List<ProposedAssignment>>(run.AssignmentsJson) ?? [];

    public static string Write(IReadOnlyList<ProposedAssignment> assignments) => JsonSerializer.Serialize(assignments);

    public static IReadOnlyList<StoredLockIssue> LockIssues(MatchingRun run)
    {
        if (run.LockIssuesJson is not { } json) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String
                ? new StoredLockIssue(default, 0, 0, 0, Text: e.GetString())
                : e.Deserialize<StoredLockIssue>()!)
            .ToList();
    }

    /// <summary>Null when every lock held.</summary>
    public static string? Write(IReadOnlyList<StoredLockIssue> issues) => issues.Count == 0 ? null : JsonSerializer.Serialize(issues);
}
