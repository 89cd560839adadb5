using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Pairs;

using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Pairs at work through their commands, on the hand-made round of <see cref="MatchingCase"/> (T0 mentors T1 in MET-01, T1 mentors T0
/// in ICT-01, T4 a group of three in ICT-02): the order and the list at approval, the lifecycle, the return to the pool and the
/// re-matching that adds pairs, manual pairs checked by the engine, the agreement.
/// </summary>
public abstract class PairWorkflowTests(AppFixture app)
{
    private async Task<MatchingCase> ApprovedAsync()
    {
        var c = await MatchingCase.SeedAsync(app);
        await using var s = SignedInScope.Curator(c.School);
        var w = s.Get<MatchingWorkflow>();
        var run = (await w.RunAsync(c.ProgramId, false, c.School.Curator)).Value!;
        (await w.ApproveAsync(c.ProgramId, run.Id, false, c.School.Curator)).Value!.Outcome.ShouldBe(ApprovalOutcome.Approved);
        return c;
    }

    private Task<List<MentoringPair>> PairsAsync(MatchingCase c) =>
        app.WithDb(db => db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId).OrderBy(p => p.Id).ToListAsync());

    private static async Task<T> As<T>(SignedInScope scope, Func<SignedInScope, Task<T>> action)
    {
        await using (scope) return await action(scope);
    }

    private static string TopicName = "Подготовка к конкурсам профессионального мастерства";

    [Fact]
    public async Task The_order_and_the_list_name_the_pairs_and_the_group_with_Russian_dates_the_number_and_PRIKAZYVAYU()
    {
        var c = await ApprovedAsync();
        var school = await app.WithDb(db => db.Organizations.Where(o => o.Id == c.School.Id).Select(o => o.Name).FirstAsync());
        var order = await As(SignedInScope.Curator(c.School), s => s.Get<PairDocuments>().OrderAsync(c.ProgramId, "12-о", new DateOnly(2026, 10, 5)));
        order.Value!.FileName.ShouldBe("Приказ о закреплении наставнических пар 05.10.2026.docx");

        using (var stream = new MemoryStream(order.Value.Bytes))
        using (var doc = WordprocessingDocument.Open(stream, false))
        {
            var body = doc.MainDocumentPart!.Document.Body!;
            var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            paragraphs[0].ShouldBe(school);
            paragraphs.ShouldContain("ПРИКАЗ");
            paragraphs.ShouldContain("«05» октября 2026 г.№ 12-о");
            paragraphs.ShouldContain("ПРИКАЗЫВАЮ:");
            paragraphs.ShouldContain(p => p.StartsWith("1. Закрепить наставнические пары и группы на срок с 01.09.2026 по 30.06.2027", StringComparison.Ordinal));
            paragraphs.ShouldContain("Директор____________" + "__________");
            paragraphs.ShouldContain("С приказом ознакомлены:");
            var table = body.Elements<Table>().First();
            var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(Cell).ToList()).ToList();
            rows[0].ShouldBe(["№", "Наставник", "Наставляемый(е)", "Направление и темы", "Срок"]);
            rows.Count.ShouldBe(4, "two pairs and one group, a row each");
            var tandem = rows.Single(r => r[1] == c.Name(0));
            tandem[2].ShouldBe(c.Name(1));
            tandem[3].ShouldEndWith(": " + TopicName);
            tandem[4].ShouldBe("01.09.2026 — 30.06.2027");
            var group = rows.Single(r => r[1] == c.Name(4));
            group[2].Split('\n').Length.ShouldBe(3);
            var people = (await PairsAsync(c)).SelectMany(p => new[] { p.MentorId, p.MenteeId }).Distinct().Count();
            body.Elements<Table>().Last().Elements<TableRow>().Count().ShouldBe(1 + people, "every mentor and mentee once");
        }

        var blank = await As(SignedInScope.Curator(c.School), s => s.Get<PairDocuments>().OrderAsync(c.ProgramId, " ", null));
        using (var stream = new MemoryStream(blank.Value!.Bytes))
        using (var doc = WordprocessingDocument.Open(stream, false))
            doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ShouldContain(p => p.EndsWith("№ __________", StringComparison.Ordinal));

        var list = await As(SignedInScope.Curator(c.School), s => s.Get<PairDocuments>().ListAsync(c.ProgramId));
        var sheet = TableFileReader.Read(list.Value!.FileName, list.Value.Bytes);
        sheet.Headers.ShouldBe(["№", "Форма", "Наставник", "Наставляемые", "Направление и темы", "Срок", "Статус"]);
        sheet.Rows.Count.ShouldBe(3);
        var g = sheet.Rows.Single(r => r.Cells[1] == "группа");
        g.Cells[2].ShouldBe(c.Name(4));
        g.Cells[5].ShouldBe("01.09.2026 — 30.06.2027");
        g.Cells[6].ShouldBe("утверждена");
    }

    private static string Cell(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(p =>
        string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }))));

    [Fact]
    public async Task The_curator_starts_completes_and_ends_early_each_change_is_in_the_history_and_the_group_keeps_working()
    {
        var c = await ApprovedAsync();
        var pairs = await PairsAsync(c);
        var tandem = pairs.Single(p => p.MentorId == c.P(0));
        var group = pairs.Where(p => p.MentorId == c.P(4)).ToList();

        (await As(SignedInScope.Teacher(c.School, 0), s => s.Get<PairCommands>().StartAsync(tandem.Id, null))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        await using (var s = SignedInScope.Curator(c.School))
        {
            var commands = s.Get<PairCommands>();
            (await commands.StartAsync(tandem.Id, tandem.Version + 1)).Error!.Kind.ShouldBe(ErrorKind.Stale);
            (await commands.StartAsync(tandem.Id, tandem.Version)).Value.ShouldBe("Пара начала работу.");
        }
        await using (var s = SignedInScope.Curator(c.School))
        {
            var commands = s.Get<PairCommands>();
            (await commands.CompleteAsync(tandem.Id, null)).Value.ShouldBe("Работа пары завершена.");
            (await commands.StartAsync(tandem.Id, null)).Error.ShouldBeRefusal(ErrorKind.Conflict, "Пара завершена: перевести её в «работает» нельзя.");
            (await commands.EndEarlyAsync(group[0].Id, null, PairEndReason.Other, "  ")).Error.ShouldBeRefusal(ErrorKind.Invalid, "Опишите причину в комментарии: выбрано «другое».");
            (await commands.EndEarlyAsync(group[0].Id, null, PairEndReason.TeacherLeft, "перевёлся в другую школу")).Value.ShouldBe("Пара завершена досрочно.");
        }

        var detail = (await As(SignedInScope.Curator(c.School), s => s.Get<PairQueries>().DetailAsync(tandem.Id)))!;
        detail.History.Select(h => (h.What, h.By)).ShouldBe([("пара утверждена", c.School.Curator), ("работает", c.School.Curator), ("завершена", c.School.Curator)]);
        var ended = (await As(SignedInScope.Curator(c.School), s => s.Get<PairQueries>().DetailAsync(group[0].Id)))!;
        ended.History[^1].What.ShouldBe("завершена досрочно: педагог уволился (перевёлся в другую школу)");
        ended.Pair.Status.ShouldBe(PairStatus.EndedEarly);
        (await PairsAsync(c)).Where(p => p.MentorId == c.P(4) && p.Id != group[0].Id).ShouldAllBe(p => p.Status == PairStatus.Approved);
        var others = (await As(SignedInScope.Curator(c.School), s => s.Get<PairQueries>().DetailAsync(group[1].Id)))!;
        others.Group.Select(p => p.Id).ShouldBe([group[2].Id], "the group is the live pairs of the mentor on the topic");
    }

    [Fact]
    public async Task A_mentee_left_without_a_pair_goes_back_to_the_pool_the_psychologist_is_told_and_re_matching_adds_pairs()
    {
        var c = await ApprovedAsync();
        var pairs = await PairsAsync(c);
        // A group mentee among T2, T3: their only servable need is ICT-02, so this is their only pair.
        var alone = pairs.First(p => p.MentorId == c.P(4) && (p.MenteeId == c.P(2) || p.MenteeId == c.P(3)));
        var menteeName = alone.MenteeId == c.P(2) ? c.Name(2) : c.Name(3);
        await using (var s = SignedInScope.Curator(c.School))
            (await s.Get<PairCommands>().EndEarlyAsync(alone.Id, null, PairEndReason.DidNotWork, null)).Ok.ShouldBeTrue();

        var psy = await app.WithDb(db => db.Users.Where(u => u.UserName == c.School.Admin.Replace("-admin", "-psy")).Select(u => u.Id).FirstAsync());
        var told = await app.WithDb(db => db.Notifications.IgnoreQueryFilters().Where(n => n.UserId == psy).ToListAsync());
        told.Select(n => n.Kind).ShouldBe(["mentee-without-pair"]);
        told[0].Text.ShouldStartWith(menteeName + ": пара с наставником завершена досрочно");
        told[0].Text.ShouldNotContain("ICT");
        (await app.WithDb(db => db.Topics.Where(t => t.Id == alone.TopicId).Select(t => t.Name).FirstAsync())).ShouldNotBeNullOrEmpty();
        told[0].Text.ShouldNotContain(await app.WithDb(db => db.Topics.Where(t => t.Id == alone.TopicId).Select(t => t.Name).FirstAsync()));

        await using (var s = SignedInScope.Curator(c.School))
        {
            var w = s.Get<MatchingWorkflow>();
            var run = (await w.RunAsync(c.ProgramId, false, c.School.Curator)).Value!;
            run.NeedsTotal.ShouldBe(8 - 4, "only the needs without a live pair are matched");
            var proposal = (await w.ProposalAsync(c.ProgramId))!;
            var live = pairs.Where(p => p.Id != alone.Id).Select(p => (p.MenteeId, p.TopicId)).ToHashSet();
            proposal.Pairs.Where(p => live.Contains((p.Mentee, p.Topic))).ShouldBeEmpty();
            // T4 had three in the group and one left: capacity 3 leaves room for one more mentee on ICT-02.
            proposal.Pairs.Count(p => p.Mentor == c.P(4)).ShouldBe(1);
            var approved = (await w.ApproveAsync(c.ProgramId, run.Id, false, c.School.Curator)).Value!;
            approved.Message.ShouldStartWith("Пары утверждены: добавлено ");
        }
        var after = await PairsAsync(c);
        after.Count.ShouldBe(pairs.Count + 1);
        after.Single(p => p.Id == alone.Id).Status.ShouldBe(PairStatus.EndedEarly);
        (await app.WithDb(db => db.PairChanges.CountAsync(change => change.PairId == alone.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_mentor_who_leaves_the_school_ends_their_pairs_as_teacher_left_and_their_mentees_are_told_about()
    {
        var c = await ApprovedAsync();
        var before = await PairsAsync(c);
        var group = before.Where(p => p.MentorId == c.P(4)).Select(p => p.Id).ToList();
        group.Count.ShouldBe(3);
        await using (var s = SignedInScope.Curator(c.School))
            (await s.Get<Nastavnik.Web.Features.Staff.StaffCommands>().SetArchivedAsync(c.P(4), true, default)).Ok.ShouldBeTrue();

        var after = await PairsAsync(c);
        foreach (var pair in after.Where(p => group.Contains(p.Id)))
        {
            pair.Status.ShouldBe(PairStatus.EndedEarly);
            pair.EndReason.ShouldBe(PairEndReason.TeacherLeft);
        }
        after.Where(p => !group.Contains(p.Id)).ShouldAllBe(p => p.Status == PairStatus.Approved, "the other pairs of the program keep working");
        (await app.WithDb(db => db.PairChanges.CountAsync(change => group.Contains(change.PairId) && change.Reason == PairEndReason.TeacherLeft))).ShouldBe(3);
        var psy = await app.WithDb(db => db.Users.Where(u => u.UserName == c.School.Admin.Replace("-admin", "-psy")).Select(u => u.Id).FirstAsync());
        var leftAlone = after.Where(p => group.Contains(p.Id)).Select(p => p.MenteeId)
            .Count(m => !after.Any(p => p.MenteeId == m && p.Status == PairStatus.Approved));
        leftAlone.ShouldBe(1, "of the group of three among T0..T3, T0 and T1 have their own reverse pairs, T2 or T3 has no other");
        (await app.WithDb(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == psy && n.Kind == "mentee-without-pair")))
            .ShouldBe(leftAlone);
    }

    [Fact]
    public async Task A_pair_made_by_hand_is_checked_by_the_engine_and_refused_with_the_reason()
    {
        var c = await ApprovedAsync();
        var pairs = await PairsAsync(c);
        var ict = c.Topics["ICT-02"];
        var fourth = Enumerable.Range(0, 4).Select(c.P).Single(m => !pairs.Any(p => p.MenteeId == m && p.TopicId == ict));
        await using (var s = SignedInScope.Curator(c.School))
        {
            var commands = s.Get<PairCommands>();
            var full = await commands.CreateAsync(c.ProgramId, fourth, ict, c.P(4));
            full.Error!.Kind.ShouldBe(ErrorKind.Invalid);
            full.Error.Message.ShouldStartWith("Пару создать нельзя. Превышена вместимость наставника");
            (await commands.CreateAsync(c.ProgramId, c.P(3), c.Topics["MET-02"], c.P(0))).Error!.Message
                .ShouldBe($"Пару создать нельзя. У педагога Ёлкиной Анны Сергеевны нет ресурсной компетенции по теме {await TopicAsync(c.Topics["MET-02"])}.");
            (await commands.CreateAsync(c.ProgramId, c.P(1), c.Topics["MET-01"], c.P(0))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
            (await commands.CreateAsync(c.ProgramId, c.P(6), c.Topics["PSY-01"], c.P(0))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        await using (var s = SignedInScope.Curator(c.School))
            (await s.Get<PairCommands>().EndEarlyAsync(pairs.Single(p => p.MentorId == c.P(0)).Id, null, PairEndReason.DidNotWork, null)).Ok.ShouldBeTrue();
        await using (var s = SignedInScope.Curator(c.School))
        {
            var made = (await s.Get<PairCommands>().CreateAsync(c.ProgramId, c.P(1), c.Topics["MET-01"], c.P(0))).Value!;
            made.Manual.ShouldBeTrue();
            made.Status.ShouldBe(PairStatus.Approved);
        }
    }

    private async Task<string> TopicAsync(int id) => "«" + await app.WithDb(db => db.Topics.Where(t => t.Id == id).Select(t => t.Name).FirstAsync()) + "»";

    [Fact]
    public async Task The_agreement_is_made_by_the_mentor_accepted_by_both_and_a_change_of_terms_clears_the_acceptances()
    {
        var c = await ApprovedAsync();
        // T0 (3 years) mentors T1 (7 years): reverse mentoring.
        var pair = (await PairsAsync(c)).Single(p => p.MentorId == c.P(0));
        (await As(SignedInScope.Teacher(c.School, 1), s => s.Get<AgreementCommands>().CreateAsync(pair.Id))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        var made = (await As(SignedInScope.Teacher(c.School, 0), s => s.Get<AgreementCommands>().CreateAsync(pair.Id))).Value!;
        made.Form.ShouldBe("педагог — педагог (реверсивное наставничество)");
        made.ValidUntil.ShouldBe(new DateOnly(2027, 6, 30));
        made.Subject.ShouldContain(TopicName);
        made.MentorDuties.ShouldContain("индивидуальный образовательный маршрут");

        var byMentor = (await As(SignedInScope.Teacher(c.School, 0), s => s.Get<AgreementCommands>().AcceptAsync(pair.Id, made.Version))).Value!;
        var byMentee = (await As(SignedInScope.Teacher(c.School, 1), s => s.Get<AgreementCommands>().AcceptAsync(pair.Id, byMentor.Version))).Value!;
        byMentee.IsAccepted.ShouldBeTrue();
        byMentee.MentorAcceptedBy.ShouldBe("Ёлкина А. С.");
        byMentee.MenteeAcceptedBy.ShouldBe("Петров П. И.");

        var edit = AgreementInput.From(byMentee);
        edit.MeetingTerms = "Каждую неделю по вторникам.";
        var stale = await As(SignedInScope.Curator(c.School), s => s.Get<AgreementCommands>().UpdateAsync(pair.Id, edit, made.Version));
        stale.Error!.Kind.ShouldBe(ErrorKind.Stale);
        var saved = (await As(SignedInScope.Curator(c.School), s => s.Get<AgreementCommands>().UpdateAsync(pair.Id, edit, byMentee.Version))).Value;
        saved.Message.ShouldBe("Договор сохранён. Условия изменились, поэтому принятие договора наставником и наставляемым снято: обоим нужно принять его заново.");
        saved.Agreement.MentorAcceptedAt.ShouldBeNull();
        saved.Agreement.MenteeAcceptedAt.ShouldBeNull();

        await As(SignedInScope.Teacher(c.School, 0), s => s.Get<AgreementCommands>().AcceptAsync(pair.Id, saved.Agreement.Version));
        var docx = (await As(SignedInScope.Teacher(c.School, 1), s => s.Get<AgreementCommands>().DocxAsync(pair.Id))).Value!;
        using var stream = new MemoryStream(docx.Bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        text.ShouldContain("ДОГОВОР О НАСТАВНИЧЕСТВЕ");
        text.ShouldContain(p => p.StartsWith($"Наставник: {c.Name(0)}. Принят в электронном виде: Ёлкина А. С., ", StringComparison.Ordinal));
        text.ShouldContain($"Наставляемый: {c.Name(1)}. Не принят.");
        text.ShouldContain("Каждую неделю по вторникам.");
    }
}

[Collection("sqlite")] public sealed class PairWorkflowTests_Sqlite(SqliteApp app) : PairWorkflowTests(app);
[Collection("postgres")] public sealed class PairWorkflowTests_Postgres(PostgresApp app) : PairWorkflowTests(app);
