namespace Nastavnik.Web.Features.Programs;

/// <summary>REST API of programs and their roadmap events: /api/v1/programs.</summary>
public static class ProgramApi
{
    public static RouteGroupBuilder MapProgramApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
