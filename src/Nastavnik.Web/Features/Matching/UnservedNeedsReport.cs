using Nastavnik.Matching;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A need the matching cannot serve, with names, the reason and what the curator can do, in Russian (<see cref="MatchingTexts"/>).</summary>
public sealed record UnservedRow(
    MatchPerson Teacher, MatchTopic Topic, int Priority, UnservedReason Reason, string ReasonText, string Action,
    IReadOnlyList<MatchPerson> FullMentors, IReadOnlyList<MatchPerson> Beginners);

public static class UnservedNeedsReport
{
    public static IReadOnlyList<UnservedRow> Build(ProgramMatchingInput input, MatchingResult result)
    {
        var p = input.Problem;
        // Teachers with level 1 in a topic: candidates to grow into mentors.
        var beginners = p.Offers.Where(o => o.Level == 1).ToLookup(o => o.Topic, o => o.Mentor);
        var unservedPerTopic = result.UnservedNeeds.GroupBy(u => u.Topic).ToDictionary(g => g.Key, g => g.Count());
        var rows = new List<UnservedRow>(result.UnservedNeeds.Count);
        foreach (var u in result.UnservedNeeds)
        {
            var topic = input.Topic(u.Topic);
            var full = u.FullMentors.Select(input.Person).ToList();
            var grow = beginners[u.Topic].Where(m => m != u.Mentee && !u.FullMentors.Contains(m)).Select(input.Person).ToList();
            var reason = MatchingTexts.OpenNeedReason(u.Reason, topic.Name, p.Participants[u.Mentee].MaxMenteeLoad, full.Select(m => m.FullName).ToList());
            var action = MatchingTexts.OpenNeedAction(u.Reason, full.Count, grow.Select(m => m.FullName).ToList(), unservedPerTopic[u.Topic] >= 2);
            rows.Add(new UnservedRow(input.Person(u.Mentee), topic, u.Priority, u.Reason, reason, action, full, grow));
        }
        return rows;
    }
}
