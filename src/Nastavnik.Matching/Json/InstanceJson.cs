using System.Text.Json;

namespace Nastavnik.Matching.Json;

/// <summary>Reads and writes instance files (docs/matching.md format, snake_case).</summary>
public static class InstanceJson
{
    public static MatchingProblem Read(string path) => Parse(File.ReadAllBytes(path));

    public static MatchingProblem Parse(ReadOnlySpan<byte> utf8Json) =>
        ToProblem(JsonSerializer.Deserialize(utf8Json, InstanceJsonContext.Default.InstanceFile)
            ?? throw new JsonException("The instance is empty."));

    public static MatchingProblem Parse(string json) =>
        ToProblem(JsonSerializer.Deserialize(json, InstanceJsonContext.Default.InstanceFile)
            ?? throw new JsonException("The instance is empty."));

    public static string Serialize(MatchingProblem problem) =>
        JsonSerializer.Serialize(ToFile(problem), InstanceJsonContext.Default.InstanceFile);

    public static void Write(MatchingProblem problem, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, ToFile(problem), InstanceJsonContext.Default.InstanceFile);
    }

    public static MatchingScope ParseScope(string scope) => scope switch
    {
        "school" => MatchingScope.School,
        "district" => MatchingScope.District,
        "all" => MatchingScope.All,
        _ => throw new JsonException($"Unknown scope \"{scope}\" (expected school, district or all)."),
    };

    public static string ScopeName(MatchingScope scope) => scope switch
    {
        MatchingScope.School => "school",
        MatchingScope.District => "district",
        _ => "all",
    };

    private static MatchingProblem ToProblem(InstanceFile f)
    {
        var district = new Dictionary<int, int>(f.Schools.Count);
        foreach (var s in f.Schools) district[s.Id] = s.District;
        var w = f.Meta.Weights;
        return new MatchingProblem
        {
            Scope = ParseScope(f.Meta.Scope),
            Weights = w is null ? MatchingWeights.Default
                : new MatchingWeights(w.Priority, w.Level, w.Preference, w.SameSchool, w.ReverseDigital),
            Topics = f.Topics.Select(t => new Topic(t.Id, t.Name, t.Digital)).ToArray(),
            Participants = f.Teachers.Select(t => new Participant(
                t.Id, t.School, district.TryGetValue(t.School, out int d) ? d : 0,
                t.ExperienceYears, t.Age, t.MentorCapacity, t.MaxMenteeLoad)).ToArray(),
            Offers = f.Offers.Select(o => new Offer(o.Teacher, o.Topic, o.Level, o.Capacity)).ToArray(),
            Needs = f.Needs.Select(n => new Need(n.Teacher, n.Topic, n.Priority)).ToArray(),
            Preferences = f.Preferences.Select(p => new Preference(p.Mentee, p.Mentors, p.Topic)).ToArray(),
            Locks = f.Locks?.Select(l => new CuratorLock(l.Mentee, l.Topic, l.Mentor)).ToArray() ?? [],
            Conflicts = f.Conflicts?.Select(c => new Conflict(c.Mentee, c.Mentor, c.Topic)).ToArray() ?? [],
        };
    }

    private static InstanceFile ToFile(MatchingProblem p) => new()
    {
        Meta = new InstanceMeta
        {
            Generator = "nastavnik-matching",
            Scope = ScopeName(p.Scope),
            Weights = new WeightsRow
            {
                Priority = [.. p.Weights.Priority], Level = [.. p.Weights.Level], Preference = [.. p.Weights.Preference],
                SameSchool = p.Weights.SameSchool, ReverseDigital = p.Weights.ReverseDigital,
            },
        },
        Topics = p.Topics.Select(t => new TopicRow { Id = t.Id, Name = t.Name, Digital = t.Digital }).ToList(),
        Schools = p.Participants.GroupBy(t => t.School).OrderBy(g => g.Key)
            .Select(g => new SchoolRow { Id = g.Key, District = g.First().District }).ToList(),
        Teachers = p.Participants.Select(t => new TeacherRow
        {
            Id = t.Id, School = t.School, ExperienceYears = t.ExperienceYears, Age = t.Age,
            MentorCapacity = t.MentorCapacity, MaxMenteeLoad = t.MaxMenteeLoad,
        }).ToList(),
        Offers = p.Offers.Select(o => new OfferRow { Teacher = o.Mentor, Topic = o.Topic, Level = o.Level, Capacity = o.Capacity }).ToList(),
        Needs = p.Needs.Select(n => new NeedRow { Teacher = n.Mentee, Topic = n.Topic, Priority = n.Priority }).ToList(),
        Preferences = p.Preferences.Select(x => new PreferenceRow { Mentee = x.Mentee, Mentors = [.. x.Mentors], Topic = x.Topic }).ToList(),
        Locks = p.Locks.Count == 0 ? null
            : p.Locks.Select(l => new LockRow { Mentee = l.Mentee, Topic = l.Topic, Mentor = l.Mentor }).ToList(),
        Conflicts = p.Conflicts.Count == 0 ? null
            : p.Conflicts.Select(c => new ConflictRow { Mentee = c.Mentee, Mentor = c.Mentor, Topic = c.Topic }).ToList(),
    };
}
