using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// A unit of work of one signed-in user, for calling a command without a page: what it resolves (the commands, AppDbContext) sees the
/// user's school only, their name, role and teacher card, exactly as in a web request of theirs. Use one at a time, and dispose it
/// before the next: the user is the test's ambient request, as in the app.
/// </summary>
public sealed class SignedInScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly IHttpContextAccessor _http;

    private SignedInScope(AppFixture app, ClaimsPrincipal user)
    {
        _http = app.Services.GetRequiredService<IHttpContextAccessor>();
        // Set in a constructor, not an async method, so the ambient request stays with the test after this returns.
        _http.HttpContext = new DefaultHttpContext { User = user };
        _scope = app.Services.CreateAsyncScope();
        _http.HttpContext.RequestServices = _scope.ServiceProvider;
    }

    public static SignedInScope As(AppFixture app, int schoolId, string userName, string role, int? personId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, userName), new(ClaimTypes.Role, role), new(CurrentSchool.ClaimType, schoolId.ToString(CultureInfo.InvariantCulture)),
        };
        if (personId is { } id) claims.Add(new(CurrentSchool.PersonClaimType, id.ToString(CultureInfo.InvariantCulture)));
        return new SignedInScope(app, new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    public static SignedInScope Curator(TestSchool school) => As(school.App, school.Id, school.Curator, Roles.Curator);

    public static SignedInScope Teacher(TestSchool school, int index) =>
        As(school.App, school.Id, school.Teachers[index].Login, Roles.Teacher, school.Teachers[index].PersonId);

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        _http.HttpContext = null;
        await _scope.DisposeAsync();
    }
}

public static class CommandAssertions
{
    /// <summary>The refusal a user would read: its kind, message and detail lines.</summary>
    public static void ShouldBeRefusal(this Nastavnik.Web.Features.CommandError? error, Nastavnik.Web.Features.ErrorKind kind, string message, params string[] details)
    {
        error.ShouldNotBeNull("the command succeeded but should have refused");
        (error.Kind, error.Message).ShouldBe((kind, message));
        error.Details.ShouldBe(details);
    }
}
