using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>The `nastavnik` executable run as a separate process against a fresh SQLite file, the way an administrator runs it.</summary>
public sealed class CliProcess(bool demo = true) : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("nastavnik-cli-").FullName;
    public string Db => Path.Combine(Dir, "cli.db");
    /// <summary>More environment variables for the process, e.g. another database: they override the defaults above.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "nastavnik.dll"), .. args])
        {
            WorkingDirectory = Dir, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
            Environment =
            {
                ["Nastavnik__ConnectionStrings__Nastavnik"] = $"Data Source={Db};Pooling=False", ["Logging__LogLevel__Default"] = "Warning",
                ["Nastavnik__Demo__Enabled"] = demo ? "true" : "false",
                // A command lives a few seconds: the workstation GC and no tiered-PGO instrumentation start it with less CPU (about
                // 15 % per command on two cores, docs/benchmarks.md); what the command does is the same.
                ["DOTNET_gcServer"] = "0", ["DOTNET_TieredPGO"] = "0",
            },
        };
        foreach (var (key, value) in Settings) start.Environment[key] = value;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    public long Scalar(string sql)
    {
        using var conn = new SqliteConnection($"Data Source={Db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}
