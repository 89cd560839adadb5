using System.Text.Json;
using Nastavnik.Matching.Json;
using Shouldly;

namespace Nastavnik.Matching.Tests;

public class JsonAndCliTests
{
    private static readonly string[] AssignmentFields = ["mentee", "topic", "mentor"];

    private static readonly string Small = Path.Combine("Instances", "small-seed1.json");

    [Fact]
    public void Instance_file_is_read_with_weights_scope_and_districts()
    {
        var problem = InstanceJson.Read(Small);

        problem.Participants.Count.ShouldBe(30);
        problem.Topics.Count.ShouldBe(8);
        problem.Offers.Count.ShouldBe(37);
        problem.Needs.Count.ShouldBe(54);
        problem.Preferences.Count.ShouldBe(7);
        problem.Scope.ShouldBe(MatchingScope.All);
        problem.Weights.Preference.ShouldBe([0, 50, 30, 15]);
        problem.Weights.ReverseDigital.ShouldBe(25);
        problem.Topics[0].Digital.ShouldBeTrue();
    }

    [Fact]
    public void Written_instance_reads_back_the_same_with_locks_and_conflicts()
    {
        var problem = InstanceJson.Read(Small) with
        {
            Scope = MatchingScope.District,
            Locks = [new CuratorLock(0, 3, 7)],
            Conflicts = [new Conflict(1, 2)],
        };
        string path = Path.Combine(Path.GetTempPath(), $"nastavnik-{Guid.NewGuid():N}.json");
        try
        {
            InstanceJson.Write(problem, path);
            var again = InstanceJson.Read(path);

            again.Participants.ShouldBe(problem.Participants);
            again.Topics.ShouldBe(problem.Topics);
            again.Offers.ShouldBe(problem.Offers);
            again.Needs.ShouldBe(problem.Needs);
            again.Preferences.Select(p => (p.Mentee, string.Join(",", p.Mentors)))
                .ShouldBe(problem.Preferences.Select(p => (p.Mentee, string.Join(",", p.Mentors))));
            again.Locks.ShouldBe(problem.Locks);
            again.Conflicts.ShouldBe(problem.Conflicts);
            again.Scope.ShouldBe(MatchingScope.District);
            File.ReadAllText(path).ShouldContain("\"max_mentee_load\":");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Cli_prints_exactly_the_documented_result()
    {
        var output = new StringWriter();

        int code = MatchingCli.Run(Small, null, output);

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["objective", "assignments", "needs_served", "seconds"]);
        root.GetProperty("objective").GetInt64().ShouldBe(8855);
        var assignments = root.GetProperty("assignments").EnumerateArray().ToList();
        assignments.Count.ShouldBe(root.GetProperty("needs_served").GetInt32());
        assignments.ShouldAllBe(a => a.EnumerateObject().Select(p => p.Name).SequenceEqual(AssignmentFields));
        root.GetProperty("seconds").GetDouble().ShouldBeInRange(0, 5);
    }

    [Fact]
    public void Cli_writes_the_result_file_and_a_summary_line()
    {
        string outPath = Path.Combine(Path.GetTempPath(), $"nastavnik-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        try
        {
            MatchingCli.Run(Small, outPath, output).ShouldBe(0);

            output.ToString().ShouldStartWith("objective 8855, needs served ");
            using var doc = JsonDocument.Parse(File.ReadAllText(outPath));
            doc.RootElement.GetProperty("objective").GetInt64().ShouldBe(8855);
        }
        finally { File.Delete(outPath); }
    }

    [Fact]
    public void Cli_reports_a_missing_or_broken_instance_with_exit_code_1()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new MatchingSettings { Explain = false };

        MatchingCli.Run("no-such-file.json", null, output, error, settings).ShouldBe(1);
        error.ToString().ShouldStartWith("error: ");

        string broken = Path.Combine(Path.GetTempPath(), $"nastavnik-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(broken, "{\"meta\": {\"scope\": \"galaxy\"}}");
            MatchingCli.Run(broken, null, output, error, settings).ShouldBe(1);
            error.ToString().ShouldContain("galaxy");
            output.ToString().ShouldBeEmpty();
        }
        finally { File.Delete(broken); }
    }

    [Fact]
    public void Cli_warns_about_a_lock_it_could_not_apply_by_its_code_and_still_solves()
    {
        var problem = InstanceJson.Read(Small);
        // A self-lock can never hold: the engine reports it by code, the command line renders the code as a warning.
        var self = problem.Needs[0];
        string path = Path.Combine(Path.GetTempPath(), $"nastavnik-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            InstanceJson.Write(problem with { Locks = [new CuratorLock(self.Mentee, self.Topic, self.Mentee)] }, path);

            MatchingCli.Run(path, null, output, error, new MatchingSettings { Explain = false }).ShouldBe(0);

            error.ToString().Trim().ShouldBe(
                $"warning: lock mentee {self.Mentee}, topic {self.Topic}, mentor {self.Mentee} not applied (SelfMentoring): a teacher cannot mentor themself");
            using var doc = JsonDocument.Parse(output.ToString());
            doc.RootElement.GetProperty("objective").GetInt64().ShouldBe(8855);
        }
        finally { File.Delete(path); }
    }
}
