using System.Net;
using Nastavnik.Tests.Infrastructure;
using Npgsql;

namespace Nastavnik.Tests.Hosting;

/// <summary>
/// Two web nodes on one PostgreSQL (issue 15, item 2): the real executable started twice, each with a home folder of its own (so
/// nothing kept on a node's disk is shared), and every request of one administrator's session sent to the other node than the
/// one before: the sign-in, the forced change of password, a new staff card, the registry and the API. A session works only if
/// the keys of cookies and antiforgery tokens and everything else a request needs are in the database.
/// </summary>
public sealed class TwoNodesTests_Postgres : IAsyncLifetime, IAsyncDisposable
{
    private string _connection = "";
    private string _database = "";
    private NodeProcesses _nodes = null!;
    private bool _disposed;

    public async Task InitializeAsync()
    {
        (_connection, _database) = await TestPostgres.CreateDatabaseAsync();
        _nodes = new NodeProcesses(Nastavnik.Web.Data.DatabaseProvider.PostgreSQL, _connection);
    }

    [Fact]
    public async Task Every_request_of_a_session_may_go_to_either_node()
    {
        // The first node migrates the new database as it starts; the second starts while the school's first account is made.
        var first = (await _nodes.StartAsync(migrate: true)).Url;
        (await _nodes.RunAsync("school", "create", "--name", "ГБОУ СОШ № 12")).Code.ShouldBe(0);
        var school = Scalar("""SELECT "Id" FROM "Organizations" WHERE "Name" = 'ГБОУ СОШ № 12'""");
        var second = _nodes.StartAsync(migrate: false);
        var user = await _nodes.RunAsync("user", "create", "--username", "director12", "--password", "start2026x", "--role", "administrator",
            "--school", school.ToString(System.Globalization.CultureInfo.InvariantCulture), "--name", "Директор");
        user.Code.ShouldBe(0, user.Output);
        string[] urls = [first, (await second).Url];

        // One browser: one cookie jar (cookies ignore the port, so both nodes get them), requests alternating between the nodes.
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        var turn = 0;
        string Next(string path) => urls[turn++ % 2] + path;

        var login = await http.GetStringAsync(Next("/Account/Login"));
        var signIn = await http.PostAsync(Next("/Account/Login"), Form(login, ("Input.UserName", "director12"), ("Input.Password", "start2026x")));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        // The first password must be changed: the node that did not sign in knows the session and asks for it.
        var home = await http.GetAsync(Next("/"));
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldContain("/Account/ChangePassword");
        var change = await http.GetStringAsync(Next("/Account/ChangePassword"));
        var changed = await http.PostAsync(Next("/Account/ChangePassword"),
            Form(change, ("Input.Current", "start2026x"), ("Input.New", "Nastavnik-12-dir"), ("Input.Confirm", "Nastavnik-12-dir")));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());

        var edit = await http.GetStringAsync(Next("/Staff/Edit"));
        var saved = await http.PostAsync(Next("/Staff/Edit"), Form(edit, ("Input.LastName", "Узлова"), ("Input.FirstName", "Алёна"),
            ("Input.MiddleName", "Петровна"), ("Input.Position", "Учитель физики"), ("Input.Category", "None"), ("Input.Consent", "Given"), ("Input.ConsentDate", "2026-09-01")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Headers.Location!.ToString().ShouldContain("/Staff/Details");
        (await http.GetStringAsync(Next("/Staff"))).ShouldContain("Узлова Алёна Петровна");
        (await http.GetStringAsync(Next("/api/v1/staff"))).ShouldContain("Узлова");
        turn.ShouldBeGreaterThan(8);

        // The nodes found one key ring in the database, and no node wrote a key of its own to its disk.
        Scalar("""SELECT COUNT(*) FROM "DataProtectionKeys" """).ShouldBe(1);
        _nodes.Homes.ShouldAllBe(f => !Directory.Exists(Path.Combine(f, ".aspnet", "DataProtection-Keys")));
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Html.Token(page))));

    private long Scalar(string sql)
    {
        using var conn = new NpgsqlConnection(_connection);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        // Once, whichever of the two interfaces the runner calls first.
        if (_disposed) return;
        _disposed = true;
        await _nodes.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }
}
