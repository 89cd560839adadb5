using System.Diagnostics;

namespace Nastavnik.Matching.Bench;

/// <summary>
/// Generated instances for benchmarks, cached in $NASTAVNIK_BENCH_DIR or $TMPDIR/nastavnik-bench
/// (the district and city files are 1 and 12 MB; they are not committed). The generator is
/// $MATCHING_INSTANCE_GEN or the repository's tools/matching-instance-gen.py, the repository being the
/// nearest folder above here that holds Nastavnik.sln.
/// </summary>
public static class Instances
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("NASTAVNIK_BENCH_DIR") is { Length: > 0 } dir ? dir
            : Path.Combine(Path.GetTempPath(), "nastavnik-bench");

    public static string Ensure(string size, int seed = 1, string? scope = null)
    {
        System.IO.Directory.CreateDirectory(Directory);
        string path = Path.Combine(Directory, $"{size}-seed{seed}{(scope is null ? "" : "-" + scope)}.json");
        if (File.Exists(path)) return path;
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true };
        foreach (var a in new[] { Generator(), "--size", size, "--seed", seed.ToString(), "-o", path + ".tmp" })
            start.ArgumentList.Add(a);
        if (scope is not null) { start.ArgumentList.Add("--scope"); start.ArgumentList.Add(scope); }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        string log = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"Generator failed: {log}");
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    }

    private static string Generator()
    {
        if (Environment.GetEnvironmentVariable("MATCHING_INSTANCE_GEN") is { Length: > 0 } gen) return gen;
        foreach (string from in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Nastavnik.sln"))) continue;
                string path = Path.Combine(dir.FullName, "tools", "matching-instance-gen.py");
                if (File.Exists(path)) return path;
                break;
            }
        throw new FileNotFoundException("tools/matching-instance-gen.py of the repository not found; set MATCHING_INSTANCE_GEN.");
    }
}
