using Nastavnik.Matching.Json;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// <c>nastavnik match --program ID [--stable] [--out FILE]</c>: the solve of «Подобрать пары» (<see cref="MatchingWorkflow.SolveAsync"/>,
/// with the curator's locks and rejections), printed and not stored, so it never changes what the curator sees on the page.
/// </summary>
public static class ProgramMatchingCommand
{
    /// <summary>0 solved; 2 no such program or no round. The summary goes to <paramref name="output"/>, errors to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(MatchingWorkflow matching, int programId, bool stable, string? outPath, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var solved = await matching.SolveAsync(programId, stable, ct);
        if (solved.Value is not { } s) return solved.Error.ToExitCode(error);
        var (input, result, p) = (s.Input, s.Result, s.Input.Problem);
        string Name(int personId) => input.People.FirstOrDefault(x => x.PersonId == personId)?.FullName ?? $"id {personId}";
        string Topic(int topicId) => input.Topics.FirstOrDefault(x => x.TopicId == topicId)?.Name ?? $"id {topicId}";
        var ru = StringComparer.Create(RussianText.Culture, false);

        output.WriteLine($"{RussianText.Quote(s.Program.Name)}, тур {RussianText.Quote(s.Round.Title)}{(stable ? ", устойчивый подбор" : ", оптимальный подбор")}.");
        output.WriteLine($"Участников (с согласием, не в архиве): {p.Participants.Count}; предложений: {p.Offers.Count}; дефицитов: {p.Needs.Count}.");
        if (input.NeedsWithChoice > 0 || input.OffersDeclined > 0)
            output.WriteLine($"Выбор наставников: учтён выбор по {RussianText.Plural(input.NeedsWithChoice, "дефициту", "дефицитам", "дефицитам")}; отказов наставников от тем: {input.OffersDeclined}.");
        var locks = s.Decisions.Count(d => d.Kind == MatchDecisionKind.Lock);
        var rejections = s.Decisions.Count(d => d.Kind == MatchDecisionKind.Reject);
        if (locks + rejections > 0) output.WriteLine($"Решения куратора: закреплено пар — {locks}, отклонено — {rejections}.");
        // The pairs as the page would show this solve: rejected rows left out, a need moved by a lock that could not hold goes to the locked mentor.
        var pairs = s.Rows.Where(r => r.State != ProposalState.Rejected).Select(r => (r.MentorId, r.Assignment.MenteeId, r.Assignment.TopicId)).ToList();
        var (tandems, groups) = Formation.Split(pairs);
        output.WriteLine($"Закрыто дефицитов: {pairs.Count} из {p.Needs.Count}; пар: {tandems.Count}; групп: {groups.Count}; сумма весов: {result.Objective}.");
        for (var priority = 3; priority >= 1; priority--)
        {
            var total = p.Needs.Count(n => n.Priority == priority);
            if (total == 0) continue;
            output.WriteLine($"  {ProgramMatchingInput.PriorityWord(priority)}: {s.Rows.Count(r => r.State != ProposalState.Rejected && r.Assignment.Priority == priority)} из {total}");
        }
        if (result.Stable is { } st)
            output.WriteLine(string.Create(RussianText.Culture, $"Оптимум: {st.OptimalObjective}, потеря устойчивого подбора: {st.Gap} ({st.GapPercent:0.0} %)."));
        foreach (var line in tandems.Select(t => $"  Пара: {Name(t.Mentor)} → {Name(t.Mentee)}: {string.Join(", ", t.Topics.Select(Topic))}").Order(ru))
            output.WriteLine(line);
        foreach (var line in groups.Select(g => $"  Группа: {Name(g.Mentor)}, тема {RussianText.Quote(Topic(g.Topic))}: {string.Join(", ", g.Mentees.Select(Name).Order(ru))}").Order(ru))
            output.WriteLine(line);
        if (s.LockIssues.Count > 0)
        {
            output.WriteLine("Не все закрепления удалось выполнить:");
            foreach (var issue in s.LockIssues) output.WriteLine("  " + MatchingTexts.LockIssue(issue, Name, Topic));
        }
        var unserved = UnservedNeedsReport.Build(input, result);
        if (unserved.Count > 0)
        {
            output.WriteLine($"Не закрыто дефицитов: {unserved.Count}.");
            foreach (var u in unserved)
                output.WriteLine($"  {u.Teacher.FullName} — {RussianText.Quote(u.Topic.Name)} ({ProgramMatchingInput.PriorityWord(u.Priority)}): {u.ReasonText}. {u.Action}");
        }
        if (outPath is not null)
        {
            await using (var file = File.Create(outPath)) SolutionJson.Write(result, (s.ReadTime + s.SolveTime).TotalSeconds, file);
            output.WriteLine($"Решение записано: {outPath}");
        }
        output.WriteLine(string.Create(RussianText.Culture,
            $"Время: чтение из базы {s.ReadTime.TotalMilliseconds:0.0} мс, подбор {s.SolveTime.TotalMilliseconds:0.0} мс."));
        return 0;
    }
}
