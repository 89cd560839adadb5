using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nastavnik.Matching.Json;

namespace Nastavnik.Matching;

/// <summary>What <c>nastavnik match --instance FILE [--out FILE]</c> does, so any host can call it.</summary>
public static class MatchingCli
{
    /// <summary>
    /// Reads the instance, solves it to optimality and writes the result JSON of docs/matching.md
    /// to <paramref name="outPath"/>, or to <paramref name="output"/> when no path is given (then
    /// <paramref name="output"/> gets only a one-line summary). Returns the process exit code:
    /// 0 solved, 1 unreadable or invalid instance. "seconds" covers reading, building and solving.
    /// </summary>
    public static int Run(string instancePath, string? outPath, TextWriter output) =>
        Run(instancePath, outPath, output, Console.Error, new MatchingSettings { Explain = false });

    public static int Run(string instancePath, string? outPath, TextWriter output, TextWriter error, MatchingSettings settings)
    {
        var clock = Stopwatch.StartNew();
        MatchingResult result;
        try
        {
            var problem = InstanceJson.Read(instancePath);
            result = MatchingEngine.Solve(problem, settings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or MatchingInputException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        foreach (var issue in result.LockIssues)
            error.WriteLine($"warning: lock mentee {issue.Lock.Mentee}, topic {issue.Lock.Topic}, mentor {issue.Lock.Mentor} not applied ({issue.Kind}): {Describe(issue)}");

        if (outPath is null)
        {
            output.WriteLine(SolutionJson.Serialize(result, seconds));
            return 0;
        }
        using (var file = File.Create(outPath)) SolutionJson.Write(result, seconds, file);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"objective {result.Objective}, needs served {result.NeedsServed}, {seconds:0.000} s -> {outPath}"));
        return 0;
    }

    /// <summary>A lock issue's code in plain English, for the warnings of the command line (the web app renders its own Russian text).</summary>
    public static string Describe(LockIssue issue) => issue.Kind switch
    {
        LockIssueKind.UnknownReference => "unknown participant or topic",
        LockIssueKind.NeedNotDeclared => "the mentee has no need on this topic",
        LockIssueKind.MentorDoesNotOffer => "the mentor does not offer this topic",
        LockIssueKind.SelfMentoring => "a teacher cannot mentor themself",
        LockIssueKind.OutsideScope => "mentor and mentee are outside one matching scope",
        LockIssueKind.Conflict => "the pair is marked as a conflict",
        LockIssueKind.NeedAlreadyLocked => "the need is already locked to another mentor",
        LockIssueKind.MenteeLoadExceeded => $"the mentee's load of {issue.Limit} topics is used by earlier locks",
        LockIssueKind.OfferCapacityExceeded => $"the mentor's capacity of {issue.Limit} mentees on this topic is used by earlier locks",
        LockIssueKind.MentorCapacityExceeded => $"the mentor's capacity of {issue.Limit} assignments is used by earlier locks",
        _ => issue.Kind.ToString(),
    };
}
