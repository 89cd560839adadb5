using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Data.Migrations;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Tests.Operations;

/// <summary>
/// A full disk on SQLite (issue 15, item 5). The disk is made full by SQLite's own limit (<c>PRAGMA max_page_count</c> set to the
/// file's size on every connection the app opens: the write then fails with SQLite's «database or disk is full», as on a full
/// disk), which needs no mount rights, so it runs the same on any machine. An import is refused whole, on the page and in the
/// API, with the Russian message; reads go on; the file passes <c>PRAGMA integrity_check</c>; with room again the same upload
/// is imported.
/// </summary>
public sealed class FullDiskTests(FullDiskApp app) : IClassFixture<FullDiskApp>
{
    [Fact]
    public async Task A_write_on_a_full_disk_is_refused_whole_in_Russian_reads_go_on_and_the_file_stays_sound()
    {
        const int count = 300;
        var curator = await app.CuratorAsync();
        var csv = new StringBuilder("ФИО;Стаж\r\n");
        for (var i = 0; i < count; i++) csv.Append($"Переполнен{(char)('а' + i / 32 % 32)}{(char)('а' + i % 32)} Иван Петрович;5\r\n");
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var upload = await curator.PostAsync("/api/v1/staff/imports?fileName=staff.csv", body);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Task<int> Imported() => app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync(p => p.LastName.StartsWith("Переполнен")));

        app.Limit.MaxPages = await app.PragmaAsync("page_count");

        var page = await curator.PostFormAsync($"/Staff/Import?upload={id}", "/Staff/Import?handler=Commit", new() { ["Upload"] = id, ["Duplicates"] = "Skip" });
        page.StatusCode.ShouldBe(HttpStatusCode.InsufficientStorage);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        Html.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.ShouldBe(DatabaseFaultHandler.DiskFullTitle);
        var api = await curator.PostAsJsonAsync($"/api/v1/staff/imports/{id}/commit", new { duplicates = "Skip" });
        api.StatusCode.ShouldBe(HttpStatusCode.InsufficientStorage);
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe(DatabaseFaultHandler.DiskFullTitle);

        (await Imported()).ShouldBe(0);
        (await curator.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await curator.GetAsync("/api/v1/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.PragmaTextAsync("integrity_check")).ShouldBe("ok");

        // Room again: the upload, kept by the refused transaction, is imported once.
        app.Limit.MaxPages = null;
        var done = await curator.PostAsJsonAsync($"/api/v1/staff/imports/{id}/commit", new { duplicates = "Skip" });
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await Imported()).ShouldBe(count);
    }
}

/// <summary>The app on a SQLite file of its own whose every connection gets <see cref="PageLimit"/>'s limit.</summary>
public sealed class FullDiskApp : AppFixture
{
    private string? _dir;
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public PageLimit Limit { get; } = new();

    protected override Task<string> CreateDatabaseAsync()
    {
        _dir = Directory.CreateTempSubdirectory("nastavnik-full-").FullName;
        return Task.FromResult($"Data Source={Path.Combine(_dir, "test.db")};Pooling=False");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Limit)));
    }

    public async Task<long> PragmaAsync(string pragma) => Convert.ToInt64(await PragmaTextAsync(pragma), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<string> PragmaTextAsync(string pragma)
    {
        await using var conn = new SqliteConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    protected override Task DropDatabaseAsync()
    {
        try { if (_dir is not null) Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>SQLite's limit of the file's pages on every connection the app opens while <see cref="MaxPages"/> is set.</summary>
public sealed class PageLimit : DbConnectionInterceptor
{
    public long? MaxPages { get; set; }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (MaxPages is not { } pages) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA max_page_count = {pages}";
        cmd.ExecuteNonQuery();
    }
}
