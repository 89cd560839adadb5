using BenchmarkDotNet.Running;
using Nastavnik.Matching;
using Nastavnik.Matching.Bench;

// `match --instance FILE [--out FILE] [--direct] [--stable] [--explain] [--threads N]` runs the same code path as
// `nastavnik match` (MatchingCli.Run), so bench/matching.sh can time it without the web project.
// `profile --instance FILE [same flags]` prints parse / build / solve times and network sizes.
// Anything else goes to BenchmarkDotNet (e.g. `--filter '*' --job short`).
if (args.Length > 0 && args[0] is "match" or "profile")
{
    string? Option(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    string instance = Option("--instance") ?? throw new ArgumentException("--instance FILE is required");
    var settings = new MatchingSettings
    {
        Explain = args.Contains("--explain"),
        Formulation = args.Contains("--direct") ? NetworkFormulation.Direct : NetworkFormulation.Compact,
        Mode = args.Contains("--stable") ? MatchingMode.Stable : MatchingMode.Optimal,
        MaxDegreeOfParallelism = int.TryParse(Option("--threads"), out int t) ? t : Environment.ProcessorCount,
    };
    return args[0] == "match"
        ? MatchingCli.Run(instance, Option("--out"), Console.Out, Console.Error, settings)
        : Profile.Run(instance, settings, Console.Out);
}
BenchmarkSwitcher.FromAssembly(typeof(Profile).Assembly).Run(args);
return 0;
