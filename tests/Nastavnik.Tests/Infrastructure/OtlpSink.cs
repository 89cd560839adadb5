using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>An OTLP/HTTP receiver on loopback that answers every export with 200 and remembers which signal's path was posted to.</summary>
public sealed class OtlpSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _posts = new();

    public OtlpSink()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>The paths posted to, e.g. "/v1/traces" and "/v1/metrics".</summary>
    public IReadOnlyList<string> Posts => _posts.ToList();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            _posts.Enqueue(context.Request.Url!.AbsolutePath);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
