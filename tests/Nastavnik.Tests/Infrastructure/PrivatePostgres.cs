using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own, from the binaries ./test.sh installed (initdb in a temporary folder, a free loopback port),
/// so the test can stop and start it without touching the server the other tests share. PostgreSQL refuses to run as root: as root
/// the cluster belongs to the 'postgres' user the Debian package creates, as ./test.sh does.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private PrivatePostgres(string bin, string folder, int port) => (_bin, _folder, _port) = (bin, folder, port);

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=true";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderBy(b => Version.Parse(Path.GetFileName(Path.GetDirectoryName(b)!) + ".0")).Last();
        var folder = Directory.CreateTempSubdirectory("nastavnik-private-pg-").FullName;
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        var server = new PrivatePostgres(bin, folder, port);
        if (Environment.UserName == "root") await RunAsync("chown", "postgres", folder);
        await server.AsOwnerAsync("initdb", "-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the stopped server and waits until it accepts connections.</summary>
    public Task StartAgainAsync() => AsOwnerAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-w", "-t", "120", "-l", Path.Combine(_folder, "log"),
        "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>A fast shutdown, as an operator's restart or a failover does: open sessions are ended, the server is gone.</summary>
    public Task StopAsync() => AsOwnerAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-w", "-t", "120", "-m", "fast", "stop");

    private Task AsOwnerAsync(string program, params string[] args) => Environment.UserName == "root"
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. args])
        : RunAsync(Path.Combine(_bin, program), args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {p.ExitCode}:\n{await output}{await error}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await AsOwnerAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"); }
        catch (InvalidOperationException) { } // already stopped
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
