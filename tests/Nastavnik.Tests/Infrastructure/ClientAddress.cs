using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// The test server has no network peer; this gives each request the client address a test names in <see cref="Header"/>
/// (loopback otherwise), as Kestrel would, so per-address rules and a proxy on loopback can be exercised.
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var value) ? IPAddress.Parse(value!) : IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
