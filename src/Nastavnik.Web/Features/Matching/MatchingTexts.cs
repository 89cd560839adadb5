using Nastavnik.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The Russian wording of the matching engine's codes, with people's and topics' names: why a pair was proposed, why a lock was not
/// kept, why a need stays open and what the curator can do about it. The engine itself returns codes and ids only.
/// </summary>
public static class MatchingTexts
{
    /// <summary>«закрывает дефицит «Тема» (приоритет 3); уровень наставника 3; выбор наставляемого №1; …».</summary>
    public static string Reasons(ProposedAssignment a, string topic)
    {
        // A run stored before the facts carries its text.
        if (a.MentorLevel == 0) return a.Explanation ?? "";
        var parts = new List<string>(6) { $"закрывает дефицит {RussianText.Quote(topic)} (приоритет {a.Priority})", $"уровень наставника {a.MentorLevel}" };
        if (a.PreferenceRank > 0) parts.Add($"выбор наставляемого №{a.PreferenceRank}");
        if (a.SameSchool) parts.Add("наставник из той же школы");
        if (a.ReverseDigital) parts.Add("реверсивное наставничество");
        if (a.Locked) parts.Add("закреплено куратором");
        return string.Join("; ", parts);
    }

    /// <summary>Why a lock was not kept; <paramref name="person"/> and <paramref name="topic"/> name database ids.</summary>
    public static string LockIssue(StoredLockIssue i, Func<int, string> person, Func<int, string> topic)
    {
        if (i.Text is { } old) return old;
        string mentee = person(i.MenteeId), mentor = person(i.MentorId), t = RussianText.Quote(topic(i.TopicId));
        string Of(string name) => RussianNames.Decline(name, NameCase.Genitive);
        string With(string name) => RussianNames.Decline(name, NameCase.Instrumental);
        return i.Kind switch
        {
            LockIssueKind.UnknownReference =>
                $"Закрепление наставника {Of(mentor)} за педагогом {With(mentee)} по теме {t} не учтено: педагог больше не участвует в подборе (в архиве или без согласия).",
            LockIssueKind.SelfMentoring => $"{mentee} не может быть наставником {RussianNames.ByGender(mentee, "самому", "самой")} себе.",
            LockIssueKind.NeedNotDeclared => $"У педагога {Of(mentee)} нет дефицита по теме {t}.",
            LockIssueKind.MentorDoesNotOffer => $"У педагога {Of(mentor)} нет ресурсной компетенции по теме {t}.",
            LockIssueKind.OutsideScope => $"Наставник {mentor} и наставляемый {mentee} вне одной области подбора.",
            LockIssueKind.Conflict => $"Пара наставник {mentor} – наставляемый {mentee} по теме {t} отклонена куратором.",
            LockIssueKind.NeedAlreadyLocked => $"Дефицит педагога {Of(mentee)} по теме {t} уже закреплён за другим наставником.",
            LockIssueKind.MenteeLoadExceeded =>
                $"Превышена нагрузка наставляемого {Of(mentee)}: не более {RussianText.Plural(i.Limit, "темы", "тем", "тем")}.",
            LockIssueKind.OfferCapacityExceeded =>
                $"Превышена вместимость наставника {Of(mentor)} по теме {t}: не более {RussianText.Plural(i.Limit, "наставляемого", "наставляемых", "наставляемых")}.",
            LockIssueKind.MentorCapacityExceeded =>
                $"Превышена общая вместимость наставника {Of(mentor)}: не более {RussianText.Plural(i.Limit, "назначения", "назначений", "назначений")}.",
            _ => $"Закрепление наставника {Of(mentor)} за педагогом {With(mentee)} по теме {t} не выполнено.",
        };
    }

    /// <summary>Why a need stays open, lower case: «никто не предлагает тему «…»».</summary>
    public static string OpenNeedReason(UnservedReason reason, string topic, int menteeLoad, IReadOnlyList<string> fullMentors)
    {
        var t = RussianText.Quote(topic);
        return reason switch
        {
            UnservedReason.NoOffer => $"никто не предлагает тему {t}",
            UnservedReason.OnlySelfOffers => $"тему {t} предлагает только сам педагог",
            UnservedReason.OnlyOutsideScope => $"тему {t} предлагают только педагоги других школ",
            UnservedReason.OnlyConflictingMentors => $"все наставники по теме {t} отмечены как неподходящие для этого педагога",
            UnservedReason.MenteeLoadReached =>
                $"у педагога уже {RussianText.Plural(menteeLoad, "тема", "темы", "тем")} с наставником — больше одновременно не назначается",
            UnservedReason.AllMentorsFull => $"тему {t} предлагают, но все наставники заняты: {string.Join(", ", fullMentors)}",
            _ => $"наставники по теме {t} есть, но назначение не дало выигрыша",
        };
    }

    /// <summary>
    /// What the curator can do about an open need, as one sentence: by the reason, then growing a level-1 teacher
    /// (<paramref name="beginners"/>) into a mentor, then a group session when the topic has several open needs.
    /// </summary>
    public static string OpenNeedAction(UnservedReason reason, int fullMentors, IReadOnlyList<string> beginners, bool severalOnTopic)
    {
        var actions = new List<string>
        {
            reason switch
            {
                UnservedReason.NoOffer or UnservedReason.OnlySelfOffers
                    or UnservedReason.OnlyConflictingMentors => "найдите наставника в другой школе района",
                UnservedReason.OnlyOutsideScope => "подберите наставника из другой школы района (подбор в пределах района)",
                UnservedReason.AllMentorsFull =>
                    fullMentors == 1 ? "увеличьте нагрузку этого наставника" : "увеличьте нагрузку одного из этих наставников",
                UnservedReason.MenteeLoadReached => "закройте дефицит после текущих тем или на групповом занятии",
                _ => "закрепите пару вручную при подборе",
            },
        };
        if (beginners.Count > 0)
            actions.Add($"предложите вырасти в наставника по теме педагогу с уровнем 1: {string.Join(", ", beginners)}");
        if (severalOnTopic || reason is UnservedReason.NoOffer or UnservedReason.AllMentorsFull)
            actions.Add("организуйте групповое занятие или мастер-класс по теме");
        var action = string.Join("; ", actions);
        return char.ToUpper(action[0]) + action[1..] + ".";
    }
}
