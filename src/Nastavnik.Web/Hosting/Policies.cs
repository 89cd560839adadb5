namespace Nastavnik.Web.Hosting;

/// <summary>Authorization policies; every page and endpoint names one of these (or AllowAnonymous).</summary>
public static class Policies
{
    /// <summary>The staff registry with its contacts, birth years, history and accounts: curators and administrators (ADR-004; not the psychologist).</summary>
    public const string StaffRead = "staff.read";
    public const string StaffWrite = "staff.write";
    public const string CatalogRead = "catalog.read";
    public const string CatalogWrite = "catalog.write";
    public const string UsersManage = "users.manage";
    /// <summary>Programs, roadmaps, the mentor base and offers: every signed-in member of the school.</summary>
    public const string ProgramRead = "program.read";
    /// <summary>Create and edit programs and roadmaps.</summary>
    public const string ProgramWrite = "program.write";
    /// <summary>Run diagnostics: rounds, answers on a teacher's behalf, Forms import, the competency map, the mentee base.</summary>
    public const string DiagnosticsManage = "diagnostics.manage";
    /// <summary>Things a teacher does for themself (self-assessment, own portfolio): an account linked to a person.</summary>
    public const string OwnProfile = "profile.own";
    /// <summary>Write announcements and see who has read them: curators and administrators.</summary>
    public const string AnnouncementsWrite = "announcements.write";
    /// <summary>Survey results (aggregates, a named survey's answers, the export), the surveys API's reading and SWOT: curators and administrators.</summary>
    public const string SurveyResults = "surveys.results";
    /// <summary>The climate of a program (aggregated survey scales, never a single answer) and the mentees without a pair: the psychologist and the managers.</summary>
    public const string Climate = "monitoring.climate";
}
