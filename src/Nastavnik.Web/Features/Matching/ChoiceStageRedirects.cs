namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The choice stage's URLs before it had one name (issue 9): the curator's «/Matching/Preferences» and the teacher's
/// «/Matching/Choice» answer with a permanent redirect to «/Matching/ChoiceStage» and «/Matching/ChoiceStage/Answer», query
/// string kept, so bookmarks and links in old messages keep working.
/// </summary>
public static class ChoiceStageRedirects
{
    private static readonly (string Old, string New)[] Moved =
    [
        ("/Matching/Preferences", "/Matching/ChoiceStage"),
        ("/Matching/Choice", "/Matching/ChoiceStage/Answer"),
    ];

    public static IEndpointRouteBuilder MapChoiceStageRedirects(this IEndpointRouteBuilder app)
    {
        foreach (var (old, target) in Moved)
            app.MapMethods(old, [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
                    TypedResults.Redirect(target + http.Request.QueryString, permanent: true))
                .AllowAnonymous()
                .ExcludeFromDescription();
        return app;
    }
}
