using System.Text.Json.Serialization;

namespace Nastavnik.Matching.Json;

// The instance format of docs/matching.md (snake_case), plus optional extensions that the
// generator never writes: "locks" [{mentee, topic, mentor}], "conflicts" [{mentee, mentor, topic?}]
// and "topic" on a preference row (the list ranks mentors for that need only). An absent topic is
// written as no field at all, so instances of docs/matching.md read and write back unchanged.

internal sealed class InstanceFile
{
    public InstanceMeta Meta { get; set; } = new();
    public List<TopicRow> Topics { get; set; } = [];
    public List<SchoolRow> Schools { get; set; } = [];
    public List<TeacherRow> Teachers { get; set; } = [];
    public List<OfferRow> Offers { get; set; } = [];
    public List<NeedRow> Needs { get; set; } = [];
    public List<PreferenceRow> Preferences { get; set; } = [];
    public List<LockRow>? Locks { get; set; }
    public List<ConflictRow>? Conflicts { get; set; }
}

internal sealed class InstanceMeta
{
    public string? Generator { get; set; }
    public string? Size { get; set; }
    public int? Seed { get; set; }
    public string Scope { get; set; } = "all";
    public WeightsRow? Weights { get; set; }
}

internal sealed class WeightsRow
{
    public int[] Priority { get; set; } = [];
    public int[] Level { get; set; } = [];
    public int[] Preference { get; set; } = [];
    public int SameSchool { get; set; }
    public int ReverseDigital { get; set; }
}

internal sealed class TopicRow { public int Id { get; set; } public string Name { get; set; } = ""; public bool Digital { get; set; } }
internal sealed class SchoolRow { public int Id { get; set; } public int District { get; set; } }

internal sealed class TeacherRow
{
    public int Id { get; set; }
    public int School { get; set; }
    public int ExperienceYears { get; set; }
    public int Age { get; set; }
    public int MentorCapacity { get; set; }
    public int MaxMenteeLoad { get; set; }
}

internal sealed class OfferRow { public int Teacher { get; set; } public int Topic { get; set; } public int Level { get; set; } public int Capacity { get; set; } }
internal sealed class NeedRow { public int Teacher { get; set; } public int Topic { get; set; } public int Priority { get; set; } }
internal sealed class PreferenceRow
{
    public int Mentee { get; set; }
    public int[] Mentors { get; set; } = [];
    public int? Topic { get; set; }
}
internal sealed class LockRow { public int Mentee { get; set; } public int Topic { get; set; } public int Mentor { get; set; } }
internal sealed class ConflictRow { public int Mentee { get; set; } public int Mentor { get; set; } public int? Topic { get; set; } }

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(InstanceFile))]
internal sealed partial class InstanceJsonContext : JsonSerializerContext;
