using System.CommandLine;
using Nastavnik.Matching;
using Nastavnik.Web.Features.Matching;

namespace Nastavnik.Web.Cli;

/// <summary>
/// <c>nastavnik match --instance FILE</c> solves a matching instance file (docs/matching.md); <c>--program ID</c> solves a program's
/// latest round through <see cref="MatchingWorkflow"/>, with the curator's locks and rejections, and stores nothing.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var instance = new Option<FileInfo?>("--instance") { Description = "Matching instance (JSON, see docs/matching.md)." };
        var program = new Option<int?>("--program") { Description = "Id of a mentoring program: solve its latest diagnostics round from the database with the curator's locks and rejections and print the pairs (nothing is stored)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the result JSON here instead of printing it." };
        var stable = new Option<bool>("--stable") { Description = "Mentee-proposing stable matching instead of the optimum." };
        var match = new Command("match", "Solve a mentor–mentee matching: --instance FILE prints {objective, assignments, needs_served, seconds}; --program ID solves a program's round.") { instance, program, output, stable };
        match.SetAction((r, ct) =>
        {
            var file = r.GetValue(instance);
            var programId = r.GetValue(program);
            if ((file is null) == (programId is null))
            {
                Console.Error.WriteLine("Укажите ровно один источник: --instance ФАЙЛ (задача в JSON) или --program ID (программа из базы).");
                return Task.FromResult(2);
            }
            if (programId is { } id)
                return NastavnikCommandLine.WithServices(sp => ProgramMatchingCommand.RunAsync(
                    sp.GetRequiredService<MatchingWorkflow>(), id, r.GetValue(stable), r.GetValue(output)?.FullName, Console.Out, Console.Error, ct));
            var settings = new MatchingSettings { Mode = r.GetValue(stable) ? MatchingMode.Stable : MatchingMode.Optimal, Explain = false };
            return Task.FromResult(MatchingCli.Run(file!.FullName, r.GetValue(output)?.FullName, Console.Out, Console.Error, settings));
        });
        return match;
    }
}
