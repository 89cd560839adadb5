using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Tests.Notifications;

/// <summary>
/// A node of the app over the fixture's database with a clock of its own and, when given, the SMTP server of a test (an
/// <see cref="SmtpSink"/>); its jobs are called by the test. Two of them over one database are two nodes.
/// </summary>
public sealed class MailNode : IAsyncDisposable
{
    public static readonly DateTimeOffset Morning = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public WebApplicationFactory<Program> Host { get; }
    public FakeTimeProvider Clock { get; }

    public MailNode(AppFixture app, SmtpSink? sink, Action<IServiceCollection>? services = null, DateTimeOffset? at = null)
    {
        Clock = new FakeTimeProvider(at ?? Morning);
        Host = app.WithWebHostBuilder(b =>
        {
            if (sink is not null) foreach (var (k, v) in sink.Settings) b.UseSetting(k, v);
            b.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                services?.Invoke(s);
            });
        });
    }

    public async Task RunAsync<TJob>(CancellationToken ct = default) where TJob : IScheduledJob
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(ct);
    }

    /// <summary>The digest, then the dispatcher: what a node's runner does in a few seconds.</summary>
    public async Task MailAsync()
    {
        await RunAsync<DigestJob>();
        await RunAsync<OutboxDispatcher>();
    }

    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<int> NotifyAsync(params NewNotification[] items) => Db(db => new Notifier(db).NotifyAsync(items, CancellationToken.None));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

public static class MailAccounts
{
    /// <summary>Gives the account an e-mail address; returns the account's id.</summary>
    public static Task<string> GiveEmailAsync(this AppFixture app, string login, string? email) => app.WithDb(async db =>
    {
        await db.Users.Where(u => u.UserName == login).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email));
        return await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
    });

    public static string Address(this TestSchool school, int teacher) => $"{school.Teachers[teacher].Login}@school.example";

    public static IEnumerable<MimeKit.MimeMessage> To(this IEnumerable<MimeKit.MimeMessage> messages, string address) =>
        messages.Where(m => m.To.Mailboxes.Any(a => a.Address == address));
}
