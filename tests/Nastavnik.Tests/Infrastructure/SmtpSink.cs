using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd running tests/…/smtp_sink.py (test.sh installs the package), which
/// writes each message it accepts to a folder; the test reads them back with MimeKit. It can be stopped and started again on
/// the same port, to play an unreachable server. A recipient "refused…@…" is refused with a permanent 550.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? _process;
    public int Port { get; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("nastavnik-smtp-").FullName;

    private SmtpSink(int port) => Port = port;

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink(FreePort());
        await sink.StartAgainAsync();
        return sink;
    }

    /// <summary>The settings a host needs to send through this server.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Nastavnik:Smtp:Host"] = "127.0.0.1", ["Nastavnik:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Nastavnik:Smtp:From"] = "Наставник <nastavnik@school.example>", ["Nastavnik:Smtp:Security"] = "None",
        ["Nastavnik:PublicUrl"] = "https://nastavnik.school.example",
    };

    public async Task StartAgainAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "READY")
            throw new InvalidOperationException("The SMTP sink did not start (is python3-aiosmtpd installed? test.sh installs it): " + await _process.StandardError.ReadToEndAsync());
    }

    /// <summary>Ends the server: connections to its port are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) { _process.Kill(); await _process.WaitForExitAsync(); }
        _process.Dispose();
        _process = null;
    }

    /// <summary>The messages received so far, parsed.</summary>
    public List<MimeMessage> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();

    public int Count => Directory.GetFiles(Folder, "*.eml").Length;

    public void Clear()
    {
        foreach (var f in Directory.GetFiles(Folder, "*.eml")) File.Delete(f);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
