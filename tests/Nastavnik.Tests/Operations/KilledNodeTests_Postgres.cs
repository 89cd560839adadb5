using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Npgsql;

namespace Nastavnik.Tests.Operations;

/// <summary>
/// A node killed (SIGKILL) in the middle of a write (issue 15, item 5), on PostgreSQL with real processes: an approval of pairs,
/// a staff import and a send of letters (caught in the middle by an SMTP server that holds a letter's DATA). The middle is found without any hook in the product: the test holds a row the operation must write last
/// (the school's data stamp, bumped as a transaction's last statement) and waits until
/// PostgreSQL shows the node's transaction blocked on it with its other writes done, then kills the node. A second node (the
/// survivor, or one started after) then finds all of the operation or none of it, and finishes it.
/// </summary>
public sealed class KilledNodeTests_Postgres(KilledNodeDatabase db) : IClassFixture<KilledNodeDatabase>
{
    [Fact]
    public async Task An_approval_killed_before_its_commit_leaves_the_approved_pairs_as_they_were()
    {
        var victim = await db.Nodes.StartAsync(migrate: false, KilledNodeDatabase.Settings);
        using var curator = await victim.SignInAsync("curator", "curator2026");
        var programId = Html.Parse(await curator.GetStringAsync("/Matching")).QuerySelector("input[name=programId]")!.GetAttribute("value")!;
        (await curator.PostFormAsync("/Matching", "/Matching?handler=Run", new() { ["programId"] = programId })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var proposal = Html.Parse(await curator.GetStringAsync("/Matching"));
        var runId = proposal.QuerySelector("input[name=runId]")!.GetAttribute("value")!;
        var rows = proposal.QuerySelectorAll("[data-testid=row]");
        rows.Length.ShouldBeGreaterThan(2);
        (await curator.PostFormAsync("/Matching", "/Matching?handler=Approve", new() { ["programId"] = programId, ["runId"] = runId }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await curator.GetStringAsync("/Matching")).ShouldContain("Пары утверждены");
        var approved = await db.RowsAsync($"""SELECT "Id", "MentorId", "MenteeId", "TopicId" FROM "MentoringPairs" WHERE "ProgramId" = {programId} ORDER BY "Id" """);
        approved.Count.ShouldBeGreaterThanOrEqualTo(rows.Length); // the page lists the first rows of the proposal

        // The curator rejects one row and approves again: the approved pairs are to be replaced, in one transaction.
        var rejected = rows[0];
        string Of(string name) => rejected.GetAttribute("data-" + name)!;
        (await curator.PostFormAsync("/Matching", "/Matching?handler=Decide", new()
        {
            ["programId"] = programId, ["menteeId"] = Of("mentee"), ["topicId"] = Of("topic"), ["mentorId"] = Of("mentor"), ["kind"] = "reject",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var school = await db.ScalarAsync($"""SELECT "SchoolId" FROM "Programs" WHERE "Id" = {programId}""");
        Dictionary<string, string> Replace() => new() { ["programId"] = programId, ["runId"] = runId, ["confirm"] = "true" };
        await using (var held = await db.HoldDataStampAsync(school))
        {
            var approval = curator.PostFormAsync("/Matching", "/Matching?handler=Approve", Replace());
            await db.WaitForBlockedWriterAsync("MentoringPairs");
            victim.Kill();
            (await Answered(approval)).ShouldBeFalse("the killed node confirmed nothing");
        }

        // The confirmed approval is whole, row for row; nothing of the replacement was kept.
        (await db.RowsAsync($"""SELECT "Id", "MentorId", "MenteeId", "TopicId" FROM "MentoringPairs" WHERE "ProgramId" = {programId} ORDER BY "Id" """))
            .ShouldBe(approved);
        // No half state stands in the way: on the surviving node the same approval goes through.
        using var again = await db.Survivor.SignInAsync("curator", "curator2026");
        (await again.PostFormAsync("/Matching", "/Matching?handler=Approve", Replace())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await again.GetStringAsync("/Matching")).ShouldContain("Пары утверждены");
        var replaced = await db.RowsAsync($"""SELECT "MentorId", "MenteeId", "TopicId" FROM "MentoringPairs" WHERE "ProgramId" = {programId}""");
        replaced.ShouldNotBeEmpty();
        replaced.ShouldNotContain($"{Of("mentor")}|{Of("mentee")}|{Of("topic")}");
    }

    [Fact]
    public async Task An_import_killed_before_its_commit_adds_no_one_and_its_upload_is_committed_once_afterwards()
    {
        const int count = 1000; // two batches of 500, both written inside the one transaction before the kill
        var victim = await db.Nodes.StartAsync(migrate: false, KilledNodeDatabase.Settings);
        using var curator = await victim.SignInAsync("curator", "curator2026");
        var csv = new StringBuilder("ФИО;Стаж\r\n");
        for (var i = 0; i < count; i++) csv.Append($"Обрывов{(char)('а' + i / 32 % 32)}{(char)('а' + i % 32)} Иван Петрович;5\r\n");
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var upload = await curator.PostAsync("/api/v1/staff/imports?fileName=staff.csv", body);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var preview = await upload.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("newCount").GetInt32().ShouldBe(count);
        var id = preview.GetProperty("id").GetString();
        var school = await db.ScalarAsync("""SELECT "SchoolId" FROM "AspNetUsers" WHERE "UserName" = 'curator'""");
        const string imported = """SELECT COUNT(*) FROM "People" WHERE "LastName" LIKE 'Обрывов%'""";

        await using (var held = await db.HoldDataStampAsync(school))
        {
            var commit = curator.PostAsJsonAsync($"/api/v1/staff/imports/{id}/commit", new { duplicates = "Skip" });
            await db.WaitForBlockedWriterAsync("People");
            victim.Kill();
            (await Answered(commit)).ShouldBeFalse("the killed node confirmed nothing");
        }

        (await db.ScalarAsync(imported)).ShouldBe(0);
        // The upload was consumed in the same transaction, so it is still there: the import is done once, elsewhere.
        (await db.ScalarAsync($"""SELECT COUNT(*) FROM "ImportUploads" WHERE "Id" = '{id}' AND "Kind" = 'staff'""")).ShouldBe(1);
        using var again = await db.Survivor.SignInAsync("curator", "curator2026");
        var done = await again.PostAsJsonAsync($"/api/v1/staff/imports/{id}/commit", new { duplicates = "Skip" });
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32().ShouldBe(count);
        (await again.PostAsJsonAsync($"/api/v1/staff/imports/{id}/commit", new { duplicates = "Skip" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await db.ScalarAsync(imported)).ShouldBe(count);
    }

    [Fact]
    public async Task A_node_killed_while_sending_letters_loses_none_and_sends_none_twice()
    {
        await using var sink = await SmtpSink.StartAsync();
        var sending = new Dictionary<string, string>(sink.Settings) { ["Nastavnik:Jobs:Enabled"] = "true" };
        var victim = await db.Nodes.StartAsync(migrate: false, sending);
        var school = await db.ScalarAsync("""SELECT "SchoolId" FROM "AspNetUsers" WHERE "UserName" = 'curator'""");
        var tag = "kill" + Guid.NewGuid().ToString("N")[..6];
        // Six letters in the outbox; the SMTP server holds the third in the middle of its DATA, so the node is caught mid-send.
        string[] to = [$"{tag}-0@school.example", $"{tag}-1@school.example", $"hold-{tag}-2@school.example", $"{tag}-3@school.example", $"{tag}-4@school.example", $"{tag}-5@school.example"];
        await db.ScalarAsync("""INSERT INTO "OutboxLetters" ("SchoolId", "Kind", "ToAddress", "Subject", "TextBody", "CreatedAt", "NotBefore", "Attempts") VALUES """
            + string.Join(", ", to.Select(a => $"({school}, 'invitation', '{a}', 'Письмо', 'Здравствуйте!', now(), now() - interval '1 minute', 0)")) + " RETURNING 1");
        var letters = $"""SELECT COUNT(*) FROM "OutboxLetters" WHERE "ToAddress" LIKE '%{tag}-%' """;
        var holding = Path.Combine(sink.Folder, "holding");
        for (var deadline = DateTime.UtcNow.AddSeconds(120); !File.Exists(holding); await Task.Delay(50))
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The node sent nothing in 120 s:\n" + db.Nodes.Output);
        victim.Kill();

        // What the node confirmed (sent and marked) is the two letters the server accepted; the rest is still to send, held by the dead node.
        Addresses(sink).ShouldBe(to[..2], ignoreOrder: true);
        (await db.ScalarAsync(letters + """ AND "SentAt" IS NOT NULL""")).ShouldBe(2);
        (await db.ScalarAsync(letters + """ AND "SentAt" IS NULL AND "ClaimedBy" IS NOT NULL""")).ShouldBe(4);

        // The dead node's claims and the outbox job's lease run out (two minutes, moved here instead of waited for); a node started
        // after sends the rest, each once.
        await db.ScalarAsync($"""WITH u AS (UPDATE "OutboxLetters" SET "ClaimedUntil" = now() - interval '1 second' WHERE "ToAddress" LIKE '%{tag}-%' AND "ClaimedBy" IS NOT NULL RETURNING 1) SELECT COUNT(*) FROM u""");
        await db.ScalarAsync("""WITH u AS (UPDATE "JobLeases" SET "Until" = now() - interval '1 second' RETURNING 1) SELECT COUNT(*) FROM u""");
        var sender = await db.Nodes.StartAsync(migrate: false, sending);
        await db.WaitForAsync(letters + """ AND "SentAt" IS NOT NULL""", 6);
        Addresses(sink).ShouldBe(to, ignoreOrder: true);
        sender.Kill(); // its jobs would run on under the other tests of the class
    }

    private static List<string> Addresses(SmtpSink sink) => sink.Messages().Select(m => m.To.Mailboxes.Single().Address)
        .Where(a => a.Contains("kill", StringComparison.Ordinal)).ToList();

    private static async Task<bool> Answered(Task<HttpResponseMessage> request)
    {
        try
        {
            (await request).Dispose();
            return true;
        }
        catch (HttpRequestException) { return false; }
    }
}

/// <summary>The database of <see cref="KilledNodeTests_Postgres"/>: the demo school, and a node that keeps running (jobs off).</summary>
public sealed class KilledNodeDatabase : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Demo:Enabled"] = "true", ["Nastavnik:Jobs:Enabled"] = "false",
    };

    private string _connection = "";
    private string _name = "";
    public NodeProcesses Nodes { get; private set; } = null!;
    public Node Survivor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!PostgresTests.ServerGiven) return;
        (_connection, _name) = await TestPostgres.CreateDatabaseAsync();
        Nodes = new NodeProcesses(DatabaseProvider.PostgreSQL, _connection);
        Survivor = await Nodes.StartAsync(migrate: true, Settings);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of a query, each as its values joined by «|».</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    public async Task WaitForAsync(string countSql, long expected)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(90); await ScalarAsync(countSql) != expected; await Task.Delay(20))
            if (DateTime.UtcNow > deadline)
            {
                var letters = await RowsAsync("""SELECT "Id", "Attempts", "LastError", "SentAt", "ClaimedBy" FROM "OutboxLetters" ORDER BY "Id" """);
                var leases = await RowsAsync("""SELECT "Name", "Holder", "Until", "LastRunAt" FROM "JobLeases" """);
                throw new TimeoutException($"Waited 90 s for {expected} from {countSql}\n{string.Join("\n", letters.Concat(leases))}\n{Nodes.Output}");
            }
    }

    /// <summary>The school's data stamp held by an open transaction of the test: a transaction writing the school's records
    /// does all its writes, then waits on this row as its last statement, before its commit.</summary>
    public async Task<HeldRow> HoldDataStampAsync(long school)
    {
        await ScalarAsync($"""
            WITH s AS (INSERT INTO "DataStamps" ("Scope", "Version") VALUES ({school}, 1) ON CONFLICT ("Scope") DO NOTHING RETURNING 1)
            SELECT COUNT(*) FROM s
            """);
        return await HoldRowAsync($"""SELECT 1 FROM "DataStamps" WHERE "Scope" = {school} FOR UPDATE""");
    }

    /// <summary>Rows locked by <paramref name="lockSql"/> (… FOR UPDATE) in a transaction of the test, rolled back on dispose.</summary>
    public async Task<HeldRow> HoldRowAsync(string lockSql)
    {
        var conn = new NpgsqlConnection(_connection);
        await conn.OpenAsync();
        var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand(lockSql, conn, tx);
        var rows = 0;
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows++;
        return new HeldRow(conn, tx, rows);
    }

    /// <summary>Waits until a node's transaction has written to <paramref name="table"/> and waits on a row the test holds.</summary>
    public Task WaitForBlockedWriterAsync(string table) => WaitForAsync($"""
        SELECT COUNT(*) FROM pg_stat_activity a
        WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.wait_event_type = 'Lock'
          AND EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                      WHERE l.pid = a.pid AND c.relname = '{table}' AND l.mode = 'RowExclusiveLock' AND l.granted)
        """, 1);

    public async Task DisposeAsync()
    {
        if (Nodes is null) return;
        await Nodes.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_name);
    }
}

/// <summary>A transaction of the test holding rows; disposing rolls it back and lets the blocked writer go on.</summary>
public sealed class HeldRow(NpgsqlConnection connection, NpgsqlTransaction transaction, int rows) : IAsyncDisposable
{
    /// <summary>How many rows the lock took.</summary>
    public int Rows => rows;

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
