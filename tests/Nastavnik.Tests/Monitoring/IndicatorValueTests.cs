using System.Text;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Tests.Monitoring;

/// <summary>The curator's values of external indicators: added with a proof, checked, changed with the version read, deleted; managers only.</summary>
public abstract class IndicatorValueTests(AppFixture app)
{
    private static FileUpload Pdf(string name = "Отчёт ВПР.pdf") => new(name, 9, new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n")));

    [Fact]
    public async Task The_curator_adds_changes_and_deletes_a_value_and_the_report_takes_the_latest()
    {
        var scenario = await IndicatorScenario.SeedAsync(app);
        var input = new IndicatorValueInput { Value = 68.5m, Date = new(2026, 11, 25), Source = "Результаты ВПР", Comment = "по 5–9 классам" };
        await using (var s = SignedInScope.Curator(scenario.School))
        {
            var values = s.Get<IndicatorValueCommands>();
            (await values.AddAsync(scenario.ProgramId, scenario.ExternalId, new IndicatorValueInput { Date = new(2026, 11, 25) }, Pdf("скрипт.exe"), default)).Error
                .ShouldBeRefusal(ErrorKind.Invalid, "Значение не сохранено.", "Укажите значение.",
                    "Укажите источник: откуда взято значение (отчёт, приказ, результаты ВПР…).", "Файл «скрипт.exe» не принят: прикладывайте pdf, doc(x), ppt(x), xls(x), jpg, png или mp4.");
            var coverageId = (await s.Get<ProgramIndicators>().ComputeAsync(scenario.ProgramId, IndicatorScenario.AsOf, default))!.Indicators.Single(i => i.Code == "coverage").IndicatorId!.Value;
            (await values.AddAsync(scenario.ProgramId, coverageId, input, null, default)).Error
                .ShouldBeRefusal(ErrorKind.Invalid, "Показатель «Охват педагогов» считается по данным системы: значения вручную не вносятся.");
            (await values.AddAsync(scenario.ProgramId + 1000, scenario.ExternalId, input, null, default)).Error
                .ShouldBeRefusal(ErrorKind.NotFound, IndicatorValueCommands.IndicatorNotFound);

            var added = await values.AddAsync(scenario.ProgramId, scenario.ExternalId, input, Pdf(), default);
            added.Error.ShouldBeNull();
            (added.Value!.ProofFileName, added.Value.ProofContentType, added.Value.CreatedBy).ShouldBe(("Отчёт ВПР.pdf", "application/pdf", scenario.School.Curator));
            var report = await s.Get<ProgramIndicators>().ComputeAsync(scenario.ProgramId, IndicatorScenario.AsOf, default);
            var students = report!.Indicators.Single(i => i.Code == "students");
            (students.Value, students.Status).ShouldBe((68.5m, IndicatorStatus.Near)); // 68.5 ≥ 90 % of 70

            var version = added.Value.Version;
            (await values.UpdateAsync(scenario.ProgramId, added.Value.Id, new IndicatorValueInput { Value = 71, Date = new(2026, 11, 26), Source = "Результаты ВПР" }, version, null, removeProof: true, default))
                .Error.ShouldBeNull();
            (await values.UpdateAsync(scenario.ProgramId, added.Value.Id, input, version, null, false, default)).Error!.Kind.ShouldBe(ErrorKind.Stale);
            var changed = (await values.FindAsync(scenario.ProgramId, added.Value.Id, default))!;
            (changed.Value, changed.ProofFileName, changed.Comment).ShouldBe((71m, null, null));
            (await s.Get<ProgramIndicators>().ComputeAsync(scenario.ProgramId, IndicatorScenario.AsOf, default))!.Indicators.Single(i => i.Code == "students").Status
                .ShouldBe(IndicatorStatus.Met);
            (await values.DeleteAsync(scenario.ProgramId, changed.Id, changed.Version, default)).Error.ShouldBeNull();
            (await values.FindAsync(scenario.ProgramId, changed.Id, default)).ShouldBeNull();
        }
        await using (var t = SignedInScope.Teacher(scenario.School, 0))
            (await t.Get<IndicatorValueCommands>().AddAsync(scenario.ProgramId, scenario.ExternalId, input, null, default)).Error
                .ShouldBeRefusal(ErrorKind.Forbidden, "Значения показателей вносят куратор и администратор.");
    }
}

[Collection("sqlite")] public sealed class IndicatorValueTests_Sqlite(SqliteApp app) : IndicatorValueTests(app);
