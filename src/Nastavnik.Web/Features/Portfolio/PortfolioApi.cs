namespace Nastavnik.Web.Features.Portfolio;

/// <summary>REST API of portfolios and the «Супервизор» search: /api/v1/portfolio.</summary>
public static class PortfolioApi
{
    public static RouteGroupBuilder MapPortfolioApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
