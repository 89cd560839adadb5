using System.Diagnostics;
using Nastavnik.Matching;
using Nastavnik.Matching.Json;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary><c>nastavnik match --program ID [--stable] [--out FILE]</c>: solve a program's latest round from the database.</summary>
public static class ProgramMatchingCommand
{
    /// <summary>0 solved; 2 no such program or no round. The summary goes to <paramref name="output"/>, errors to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(AppDbContext db, int programId, bool stable, string? outPath, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var (program, round, input) = await ProgramMatchingInput.BuildAsync(db, programId, ct);
        if (program is null) { error.WriteLine($"Программа с id {programId} не найдена."); return 2; }
        if (round is null || input is null)
        { error.WriteLine($"В программе «{program.Name}» ещё нет тура диагностики: откройте тур в разделе «Диагностика»."); return 2; }
        var read = clock.Elapsed;
        var result = MatchingEngine.Solve(input.Problem, new MatchingSettings { Mode = stable ? MatchingMode.Stable : MatchingMode.Optimal });
        var solved = clock.Elapsed - read;
        var seconds = clock.Elapsed.TotalSeconds;

        var p = input.Problem;
        output.WriteLine($"«{program.Name}», тур «{round.Title}»{(stable ? ", устойчивый подбор" : ", оптимальный подбор")}.");
        output.WriteLine($"Участников (с согласием, не в архиве): {p.Participants.Count}; предложений: {p.Offers.Count}; дефицитов: {p.Needs.Count}.");
        if (input.NeedsWithChoice > 0 || input.OffersDeclined > 0)
            output.WriteLine($"Выбор наставников: учтён выбор по {RussianText.Plural(input.NeedsWithChoice, "дефициту", "дефицитам", "дефицитам")}; отказов наставников от тем: {input.OffersDeclined}.");
        output.WriteLine($"Закрыто дефицитов: {result.NeedsServed} из {p.Needs.Count}; пар: {result.Pairs.Count}; групп: {result.Groups.Count}; сумма весов: {result.Objective}.");
        for (var priority = 3; priority >= 1; priority--)
        {
            var total = p.Needs.Count(n => n.Priority == priority);
            if (total == 0) continue;
            output.WriteLine($"  {ProgramMatchingInput.PriorityWord(priority)}: {result.Assignments.Count(a => a.NeedPriority == priority)} из {total}");
        }
        if (result.Stable is { } s)
            output.WriteLine(string.Create(RussianText.Culture, $"Оптимум: {s.OptimalObjective}, потеря устойчивого подбора: {s.Gap} ({s.GapPercent:0.0} %)."));
        foreach (var pair in result.Pairs)
            output.WriteLine($"  Пара: {input.Person(pair.Mentor).FullName} → {input.Person(pair.Mentee).FullName}: {string.Join(", ", pair.Topics.Select(t => input.Topic(t).Name))}");
        foreach (var g in result.Groups)
            output.WriteLine($"  Группа: {input.Person(g.Mentor).FullName}, тема «{input.Topic(g.Topic).Name}»: {string.Join(", ", g.Mentees.Select(m => input.Person(m).FullName))}");
        var unserved = UnservedNeedsReport.Build(input, result);
        if (unserved.Count > 0)
        {
            output.WriteLine($"Не закрыто дефицитов: {unserved.Count}.");
            foreach (var u in unserved)
                output.WriteLine($"  {u.Teacher.FullName} — «{u.Topic.Name}» ({ProgramMatchingInput.PriorityWord(u.Priority)}): {u.ReasonText}. {u.Action}");
        }
        if (outPath is not null)
        {
            await using (var file = File.Create(outPath)) SolutionJson.Write(result, seconds, file);
            output.WriteLine($"Решение записано: {outPath}");
        }
        output.WriteLine(string.Create(RussianText.Culture,
            $"Время: чтение из базы {read.TotalMilliseconds:0.0} мс, подбор {solved.TotalMilliseconds:0.0} мс."));
        return 0;
    }
}
