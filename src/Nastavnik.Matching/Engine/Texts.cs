namespace Nastavnik.Matching.Engine;

/// <summary>Russian texts shown to curators: why a pair was suggested, why a need stayed open.</summary>
internal static class Texts
{
    public static string TopicName(IndexedProblem p, int topic) => $"“{p.Source.Topics[topic].Name}”";

    public static string ScopeName(MatchingScope scope) => scope switch
    {
        MatchingScope.School => "своя школа",
        MatchingScope.District => "свой район",
        _ => "без ограничений",
    };

    public static string Assignment(IndexedProblem p, int need, int offer, ScoreBreakdown score, int rank, bool locked)
    {
        var parts = new List<string>(6)
        {
            $"закрывает дефицит {TopicName(p, p.NeedTopic[need])} (приоритет {p.NeedPriority[need]})",
            $"уровень наставника {p.OfferLevel[offer]}",
        };
        if (rank > 0) parts.Add($"выбор наставляемого №{rank}");
        if (score.SameSchool != 0) parts.Add("наставник из той же школы");
        if (score.ReverseDigital != 0) parts.Add("реверсивное наставничество");
        if (locked) parts.Add("закреплено куратором");
        return string.Join("; ", parts);
    }

    public static string Unserved(IndexedProblem p, int need, UnservedReason reason, IReadOnlyList<int> fullMentors)
    {
        string topic = TopicName(p, p.NeedTopic[need]);
        int e = p.NeedMentee[need];
        return reason switch
        {
            UnservedReason.NoOffer => $"никто не заявил ресурсную компетенцию по теме {topic}",
            UnservedReason.OnlySelfOffers => $"тему {topic} предлагает только сам педагог",
            UnservedReason.OnlyOutsideScope => $"тему {topic} ведут только педагоги вне области подбора ({ScopeName(p.Source.Scope)})",
            UnservedReason.OnlyConflictingMentors => $"все наставники по теме {topic} отклонены куратором или отмечены как конфликтные для этого педагога",
            UnservedReason.MenteeLoadReached => $"достигнута предельная нагрузка наставляемого: {p.MenteeLoad[e]} {Topics(p.MenteeLoad[e])}",
            UnservedReason.AllMentorsFull => $"все наставники по теме {topic} заняты: {string.Join(", ", fullMentors.Select(m => "#" + m))}",
            _ => $"есть свободные наставники по теме {topic}, но назначение не выбрано",
        };
    }

    private static string Topics(int count) => (count % 10, count % 100) switch
    {
        (1, not 11) => "тема",
        (2 or 3 or 4, < 12 or > 14) => "темы",
        _ => "тем",
    };
}
