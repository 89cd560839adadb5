using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// The `nastavnik` command line against a fresh SQLite file, the way an administrator runs it: <see cref="CliProcess"/> starts the
/// real executable, <see cref="CliInProcess"/> calls the same entry point inside the test process (no process start).
/// </summary>
public abstract class CliRunner(bool demo, string? dir) : IDisposable
{
    /// <summary>The command's working folder, holding its database: a new one, or one given to share with another runner.</summary>
    public string Dir { get; } = dir ?? Directory.CreateTempSubdirectory("nastavnik-cli-").FullName;
    public string Db => Path.Combine(Dir, "cli.db");
    /// <summary>More environment variables for the command, e.g. another database: they override the defaults below.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>The command's configuration, as environment variables (the executable reads Nastavnik__* and Logging__*).</summary>
    protected Dictionary<string, string> Variables()
    {
        var variables = new Dictionary<string, string>
        {
            ["Nastavnik__ConnectionStrings__Nastavnik"] = $"Data Source={Db};Pooling=False", ["Logging__LogLevel__Default"] = "Warning",
            ["Nastavnik__Demo__Enabled"] = demo ? "true" : "false",
        };
        foreach (var (key, value) in Settings) variables[key] = value;
        return variables;
    }

    public abstract Task<(int Code, string Out, string Err)> Run(params string[] args);

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
        GC.SuppressFinalize(this);
    }
}

/// <summary>The real executable, one process per command: what the process itself adds (its start, exit code, output streams).</summary>
public sealed class CliProcess(bool demo = true, string? dir = null) : CliRunner(demo, dir)
{
    public override async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "nastavnik.dll"), .. args])
        {
            WorkingDirectory = Dir, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
            Environment =
            {
                // A command lives a few seconds: the workstation GC and no tiered-PGO instrumentation start it with less CPU (about
                // 15 % per command on two cores, docs/benchmarks.md); what the command does is the same.
                ["DOTNET_gcServer"] = "0", ["DOTNET_TieredPGO"] = "0",
            },
        };
        foreach (var (key, value) in Variables()) start.Environment[key] = value;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }
}

/// <summary>
/// The executable's entry point (Program.cs: the same parsing, commands, output and exit code) called inside the test process,
/// with its configuration in the environment, its working folder and its console output captured, as a process would have
/// them. Those three are the whole process's, so a class using this is in the <see cref="CliCollection"/>, which runs alone.
/// </summary>
public sealed class CliInProcess(bool demo = true, string? dir = null) : CliRunner(demo, dir)
{
    /// <summary>Program.cs's top-level statements: the compiler's async method behind the assembly's (blocking) entry point.</summary>
    private static readonly System.Reflection.MethodInfo EntryPoint = typeof(Program).GetMethod("<Main>$",
        System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    public override async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var variables = Variables();
        var before = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        var (console, error, folder) = (Console.Out, Console.Error, Environment.CurrentDirectory);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            foreach (var (key, value) in variables) Environment.SetEnvironmentVariable(key, value);
            Environment.CurrentDirectory = Dir;
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var code = await (Task<int>)EntryPoint.Invoke(null, [args])!;
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(console);
            Console.SetError(error);
            Environment.CurrentDirectory = folder;
            foreach (var (key, value) in before) Environment.SetEnvironmentVariable(key, value);
        }
    }
}

/// <summary>
/// Tests that run the command line in-process (<see cref="CliInProcess"/>): xunit runs this collection after all the others, one
/// test at a time, so the environment, working folder and console they change are not seen by a host starting in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "cli";
}
