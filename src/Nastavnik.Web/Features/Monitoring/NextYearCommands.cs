using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>
/// The next year's program as a copy of a completed one (issue 13, item 6): the name with the next school year, dates a year later,
/// forms, goal, description, curators, indicators with all their yearly targets, the roadmap's stages and events (dates a year later,
/// planned again, without results or participants), and the program's surveys as drafts (questions only: no recipients, no answers, no
/// pulses). A draft, with <see cref="MentoringProgram.PreviousProgramId"/> pointing back. Plan templates belong to the school, not to a
/// program, so they carry over as they are.
/// </summary>
public sealed partial class NextYearCommands(AppDbContext db)
{
    public async Task<CommandResult<MentoringProgram>> CopyForNextYearAsync(int programId, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden("Программу на следующий год создают куратор и администратор.");
        var source = await db.Programs.AsNoTracking().Include(p => p.Curators).Include(p => p.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Stages).ThenInclude(s => s.Events).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (source is null) return CommandError.NotFound(ProgramCommands.ProgramNotFound);
        if (source.Status != ProgramStatus.Completed)
            return CommandError.Conflict("Программу на следующий год создают из завершённой программы: сначала завершите эту.");
        if (await db.Programs.Where(p => p.PreviousProgramId == programId).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } existing)
            return CommandError.Conflict($"Программа на следующий год уже создана: «{existing}».");

        var copy = new MentoringProgram
        {
            Name = NextName(source.Name, source.StartDate.AddYears(1), source.EndDate.AddYears(1)),
            StartDate = source.StartDate.AddYears(1), EndDate = source.EndDate.AddYears(1), Goal = source.Goal, Description = source.Description,
            Forms = source.Forms, Status = ProgramStatus.Draft, PreviousProgramId = source.Id, CreatedAt = db.Clock.UtcTime(),
            Curators = source.Curators.Select(c => new ProgramCurator { PersonId = c.PersonId }).ToList(),
            Indicators = source.Indicators.OrderBy(i => i.SortOrder).Select(i => new ProgramIndicator
            {
                Code = i.Code, Name = i.Name, Unit = i.Unit, SortOrder = i.SortOrder,
                Targets = i.Targets.Select(t => new IndicatorTarget { Year = t.Year, Value = t.Value }).ToList(),
            }).ToList(),
        };
        db.Programs.Add(copy);
        await db.SaveChangesAsync(ct);
        foreach (var stage in source.Stages.OrderBy(s => s.SortOrder))
        {
            var newStage = new RoadmapStage { ProgramId = copy.Id, Title = stage.Title, SortOrder = stage.SortOrder };
            newStage.Events = stage.Events.OrderBy(e => e.SortOrder).Select(e => new RoadmapEvent
            {
                ProgramId = copy.Id, Stage = newStage, Title = e.Title, StartDate = e.StartDate?.AddYears(1), DueDate = e.DueDate?.AddYears(1), Timing = e.Timing,
                ResponsibleText = e.ResponsibleText, ResponsiblePersonId = e.ResponsiblePersonId, Status = EventStatus.Planned, SortOrder = e.SortOrder,
            }).ToList();
            copy.Stages.Add(newStage);
        }
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Questions).Where(s => s.ProgramId == programId && s.PairId == null).ToListAsync(ct);
        foreach (var s in surveys)
            db.Surveys.Add(new Survey
            {
                ProgramId = copy.Id, Title = s.Title, Description = s.Description, Kind = s.Kind, Anonymous = s.Anonymous, Audience = s.Audience,
                Department = s.Department, Deadline = s.Deadline?.AddYears(1), Status = SurveyStatus.Draft, CreatedAt = db.Clock.UtcTime(), CreatedBy = db.School.UserName,
                Questions = s.Questions.OrderBy(q => q.SortOrder).Select(q => new SurveyQuestion
                {
                    SortOrder = q.SortOrder, Type = q.Type, Text = q.Text, Options = q.Options, Required = q.Required, TopicId = q.TopicId, Measure = q.Measure,
                    SatisfiedFrom = q.SatisfiedFrom,
                }).ToList(),
            });
        await db.SaveChangesAsync(ct);
        return copy;
    }

    /// <summary>The name with its school year moved on («2025/2026» → «2026/2027»), or with the new school year added.</summary>
    public static string NextName(string name, DateOnly start, DateOnly end)
    {
        var moved = SchoolYear().Replace(name, m => $"{Next(m.Groups[1].Value)}{m.Groups[2].Value}{Next(m.Groups[3].Value)}");
        return moved != name ? moved : $"{name} {start.Year}/{(end.Year > start.Year ? end.Year : start.Year + 1)}";
    }

    private static string Next(string year) => (int.Parse(year, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d{4})(\s*[/–—-]\s*)(\d{4})")]
    private static partial Regex SchoolYear();
}
