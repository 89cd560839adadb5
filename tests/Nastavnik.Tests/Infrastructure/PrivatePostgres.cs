using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own (initdb in a temporary folder, a free loopback port), for a test that stops and starts
/// the server: never the shared one. As root it runs as the 'postgres' user of Debian's package, which PostgreSQL requires,
/// as test.sh does. Disposing stops it and deletes the folder.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder;
    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";

    private PrivatePostgres(string folder, int port) => (_folder, Port) = (folder, port);

    private static string Bin => Directory.GetDirectories("/usr/lib/postgresql")
        .Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
        .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).Last();

    private static bool Root => Environment.UserName == "root";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("nastavnik-pg-").FullName;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            var server = new PrivatePostgres(folder, ((IPEndPoint)l.LocalEndpoint).Port);
            l.Stop();
            if (Root) await RunAsync("/usr/bin/chown", "postgres", folder);
            await server.AsServerAsync("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
            await server.StartAgainAsync();
            return server;
        }
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public Task StartAgainAsync() => AsServerAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "log"), "-w", "start",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off");

    /// <summary>Stops the server as an operator's restart does (fast: sessions are ended, transactions rolled back).</summary>
    public Task StopAsync() => AsServerAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    private Task AsServerAsync(string tool, params string[] args) =>
        Root ? RunAsync("/usr/sbin/runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. args]) : RunAsync(Path.Combine(Bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await output}{await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await AsServerAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop"); }
        catch (InvalidOperationException) { } // already stopped
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
