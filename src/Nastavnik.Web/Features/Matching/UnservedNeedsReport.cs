using Nastavnik.Matching;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A need the optimal matching cannot serve, with names, the reason and what the curator can do, in Russian.</summary>
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
            string t = $"«{topic.Name}»";
            string reason = u.Reason switch
            {
                UnservedReason.NoOffer => $"никто не предлагает тему {t}",
                UnservedReason.OnlySelfOffers => $"тему {t} предлагает только сам педагог",
                UnservedReason.OnlyOutsideScope => $"тему {t} предлагают только педагоги других школ",
                UnservedReason.OnlyConflictingMentors => $"все наставники по теме {t} отмечены как неподходящие для этого педагога",
                UnservedReason.MenteeLoadReached => $"у педагога уже {RussianText.Plural(p.Participants[u.Mentee].MaxMenteeLoad, "тема", "темы", "тем")} с наставником — больше одновременно не назначается",
                UnservedReason.AllMentorsFull => $"тему {t} предлагают, но все наставники заняты: {string.Join(", ", full.Select(m => m.FullName))}",
                _ => $"наставники по теме {t} есть, но назначение не дало выигрыша",
            };
            var actions = new List<string>();
            switch (u.Reason)
            {
                case UnservedReason.NoOffer or UnservedReason.OnlySelfOffers or UnservedReason.OnlyConflictingMentors:
                    actions.Add("найдите наставника в другой школе района");
                    break;
                case UnservedReason.OnlyOutsideScope:
                    actions.Add("подберите наставника из другой школы района (подбор в пределах района)");
                    break;
                case UnservedReason.AllMentorsFull:
                    actions.Add(full.Count == 1 ? "увеличьте нагрузку этого наставника" : "увеличьте нагрузку одного из этих наставников");
                    break;
                case UnservedReason.MenteeLoadReached:
                    actions.Add("закройте дефицит после текущих тем или на групповом занятии");
                    break;
                default:
                    actions.Add("закрепите пару вручную при подборе");
                    break;
            }
            if (grow.Count > 0)
                actions.Add($"предложите вырасти в наставника по теме педагогу с уровнем 1: {string.Join(", ", grow.Select(m => m.FullName))}");
            if (unservedPerTopic[u.Topic] >= 2 || u.Reason is UnservedReason.NoOffer or UnservedReason.AllMentorsFull)
                actions.Add("организуйте групповое занятие или мастер-класс по теме");
            var action = string.Join("; ", actions);
            rows.Add(new UnservedRow(input.Person(u.Mentee), topic, u.Priority, u.Reason, reason,
                char.ToUpper(action[0]) + action[1..] + ".", full, grow));
        }
        return rows;
    }
}
