using System.Text;
using System.Text.Json;

namespace Nastavnik.Matching.Json;

/// <summary>The result document of <c>nastavnik match</c>: objective, assignments, needs_served, seconds.</summary>
public static class SolutionJson
{
    public static string Serialize(MatchingResult result, double seconds)
    {
        using var buffer = new MemoryStream(64 + 48 * result.Assignments.Count);
        Write(result, seconds, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(MatchingResult result, double seconds, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteNumber("objective", result.Objective);
        w.WriteStartArray("assignments");
        foreach (var a in result.Assignments)
        {
            w.WriteStartObject();
            w.WriteNumber("mentee", a.Mentee);
            w.WriteNumber("topic", a.Topic);
            w.WriteNumber("mentor", a.Mentor);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("needs_served", result.NeedsServed);
        w.WriteNumber("seconds", Math.Round(seconds, 3));
        w.WriteEndObject();
    }
}
