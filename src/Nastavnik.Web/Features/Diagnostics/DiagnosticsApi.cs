namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>REST API of diagnostics rounds, offers and needs: /api/v1/rounds, /api/v1/offers, /api/v1/needs.</summary>
public static class DiagnosticsApi
{
    public static RouteGroupBuilder MapDiagnosticsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
