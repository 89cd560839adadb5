using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Meetings;

/// <summary>REST API of meetings (/api/v1/meetings) and the calendar feed (/api/v1/calendar, /calendar/{token}.ics), through <see cref="MeetingCommands"/>.</summary>
public static class MeetingsApi
{
    public sealed record PlanDto(int PairId, bool ForGroup, MeetingKind Kind, DateOnly Date, TimeOnly Time, int DurationMinutes, string? Place, string? OnlineLink, string? Agenda)
    {
        public MeetingInput Input() => new() { Kind = Kind, Date = Date, Time = Time, DurationMinutes = DurationMinutes, Place = Place, OnlineLink = OnlineLink, Agenda = Agenda };
    }

    public sealed record UpdateDto(MeetingKind Kind, DateOnly Date, TimeOnly Time, int DurationMinutes, string? Place, string? OnlineLink, string? Agenda)
    {
        public MeetingInput Input() => new() { Kind = Kind, Date = Date, Time = Time, DurationMinutes = DurationMinutes, Place = Place, OnlineLink = OnlineLink, Agenda = Agenda };
    }

    public sealed record AttendanceDto(int PersonId, bool Attended);
    public sealed record OutcomeDto(bool Held, IReadOnlyList<AttendanceDto>? Attendance);
    public sealed record TextDto(string? Text);
    public sealed record FeedbackDto(int Rating, string? Comment);
    public sealed record FeedDto(string Url);

    /// <summary>A meeting as the API gives it: start in UTC and on the school's clock (<see cref="SchoolTime.ZoneId"/>).</summary>
    public sealed record MeetingDto(int Id, int ProgramId, int MentorId, MeetingKind Kind, DateTime StartsAtUtc, DateTime StartsAtLocal, string TimeZone,
        int DurationMinutes, string? Place, string? OnlineLink, string? Agenda, MeetingStatus Status, string? SharedNotes, string? MyNote,
        IReadOnlyList<ParticipantRow> Participants, IReadOnlyList<FeedbackRow> Feedback, int Version)
    {
        public static MeetingDto From(MeetingDetails d) => new(d.Meeting.Id, d.Meeting.ProgramId, d.Meeting.MentorId, d.Meeting.Kind,
            DateTime.SpecifyKind(d.Meeting.StartsAt, DateTimeKind.Utc), SchoolTime.Local(d.Meeting.StartsAt), SchoolTime.ZoneId, d.Meeting.DurationMinutes,
            d.Meeting.Place, d.Meeting.OnlineLink, d.Meeting.Agenda, d.Meeting.Status, d.Meeting.SharedNotes, d.MyNote, d.People, d.Feedback, d.Meeting.Version);
    }

    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/meetings").WithTags("Meetings").RequireAuthorization(Policies.ProgramRead);

        group.MapGet("/", async Task<Results<Ok<List<MeetingRow>>, NotFound<ProblemDetailsBody>>> (int pair, AppDbContext db, CancellationToken ct) =>
            await MeetingQueries.PairAsync(db, pair, ct) is null
                ? ApiProblems.NotFound(MeetingCommands.PairNotFound)
                : TypedResults.Ok(await MeetingQueries.OfPairAsync(db, pair, ct)));

        group.MapGet("/{id:int}", (int id, AppDbContext db, CurrentSchool me, HttpContext http, CancellationToken ct) => Read(id, db, me, http, ct));

        group.MapPost("/", async Task<Results<Created<MeetingDto>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> (PlanDto dto, MeetingCommands commands, AppDbContext db, CurrentSchool me, HttpContext http, CancellationToken ct) =>
        {
            var result = await commands.PlanAsync(dto.PairId, dto.ForGroup, dto.Input(), ct);
            if (result.Error is { } error) return error.ToProblem();
            var read = await MeetingQueries.DetailsAsync(db, result.Value!.Id, me.PersonId, ct);
            http.Response.Headers.ETag = ApiProblems.ETag(read!.Meeting.Version);
            return TypedResults.Created($"/api/v1/meetings/{read.Meeting.Id}", MeetingDto.From(read));
        });

        group.MapPut("/{id:int}", (int id, UpdateDto dto, MeetingCommands commands, AppDbContext db, CurrentSchool me, HttpContext http, CancellationToken ct) =>
            Versioned(http, version => commands.UpdateAsync(id, dto.Input(), version, ct), id, db, me, ct));

        group.MapPost("/{id:int}/outcome", (int id, OutcomeDto dto, MeetingCommands commands, AppDbContext db, CurrentSchool me, HttpContext http, CancellationToken ct) =>
            Versioned(http, version => commands.RecordOutcomeAsync(id, dto.Held, dto.Attendance?.ToDictionary(a => a.PersonId, a => a.Attended), version, ct), id, db, me, ct));

        group.MapPut("/{id:int}/notes", (int id, TextDto dto, MeetingCommands commands, AppDbContext db, CurrentSchool me, HttpContext http, CancellationToken ct) =>
            Versioned(http, version => commands.SaveSharedNotesAsync(id, dto.Text, version, ct), id, db, me, ct));

        group.MapPut("/{id:int}/my-note", async Task<Results<NoContent, ProblemHttpResult>> (int id, TextDto dto, MeetingCommands commands, CancellationToken ct) =>
            (await commands.SavePrivateNoteAsync(id, dto.Text, ct)).Error is { } error ? error.ToProblem() : TypedResults.NoContent());

        group.MapPut("/{id:int}/feedback", async Task<Results<NoContent, ProblemHttpResult>> (int id, FeedbackDto dto, MeetingCommands commands, CancellationToken ct) =>
            (await commands.GiveFeedbackAsync(id, dto.Rating, dto.Comment, ct)).Error is { } error ? error.ToProblem() : TypedResults.NoContent());

        group.MapGet("/{id:int}/ics", async Task<Results<FileContentHttpResult, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, IOptions<PublicUrlOptions> url, HttpContext http, CancellationToken ct) =>
        {
            var meetings = await MeetingCalendar.LoadAsync(db, db.Meetings.Where(m => m.Id == id), ct);
            if (meetings.Count == 0) return ApiProblems.NotFound(MeetingCommands.MeetingNotFound);
            var ics = MeetingCalendar.Write(meetings, MeetingCalendar.Host(url.Value.PublicUrl, http.Request.Host.Host), db.Clock.UtcTime());
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), MeetingCalendar.ContentType, $"vstrecha-{id}.ics");
        });

        api.MapPost("/calendar/renew", async Task<Results<Ok<FeedDto>, ProblemHttpResult>> (MeetingCommands commands, HttpContext http, CancellationToken ct) =>
        {
            var result = await commands.RenewFeedAsync(ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(new FeedDto(CalendarModel.FeedAddress(http.Request, result.Value!.Token)));
        }).WithTags("Meetings").RequireAuthorization(Policies.OwnProfile);
        return api;
    }

    /// <summary>The private feed <c>/calendar/{token}.ics</c>: anonymous, the token is the key; an unknown or renewed token is 404.</summary>
    public static WebApplication MapCalendarFeed(this WebApplication app)
    {
        app.MapGet("/calendar/{token}.ics", async Task<Results<FileContentHttpResult, NotFound>> (string token, AppDbContext db, IOptions<PublicUrlOptions> url, HttpContext http, CancellationToken ct) =>
        {
            var now = db.Clock.UtcTime();
            if (await MeetingCalendar.FeedAsync(db, token, now, ct) is not { } meetings) return TypedResults.NotFound();
            var ics = MeetingCalendar.Write(meetings, MeetingCalendar.Host(url.Value.PublicUrl, http.Request.Host.Host), now);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), MeetingCalendar.ContentType);
        }).AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<MeetingDto>, NotFound<ProblemDetailsBody>>> Read(int id, AppDbContext db, CurrentSchool me, HttpContext http, CancellationToken ct)
    {
        var read = await MeetingQueries.DetailsAsync(db, id, me.PersonId, ct);
        if (read is null) return ApiProblems.NotFound(MeetingCommands.MeetingNotFound);
        http.Response.Headers.ETag = ApiProblems.ETag(read.Meeting.Version);
        return TypedResults.Ok(MeetingDto.From(read));
    }

    private static async Task<Results<Ok<MeetingDto>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> Versioned(HttpContext http,
        Func<int, Task<CommandResult<Meeting>>> command, int id, AppDbContext db, CurrentSchool me, CancellationToken ct)
    {
        if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
        var result = await command(version);
        if (result.Error is { } error) return error.ToProblem();
        db.ChangeTracker.Clear();
        return (await Read(id, db, me, http, ct)).Result switch
        {
            Ok<MeetingDto> ok => ok,
            NotFound<ProblemDetailsBody> nf => nf,
            _ => ApiProblems.NotFound(MeetingCommands.MeetingNotFound),
        };
    }
}
