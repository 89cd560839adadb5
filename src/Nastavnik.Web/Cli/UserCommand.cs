using System.CommandLine;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Admin.Users;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary><c>nastavnik user create</c>: an account, by the same rules as the administrator's page (<see cref="AccountCommands"/>).</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var userName = new Option<string>("--username") { Description = "Login (latin letters, digits, . - _).", Required = true };
        var password = new Option<string>("--password") { Description = "Initial password (10+ characters, a digit, not the login, not a common one); the user is asked to change it.", Required = true };
        var role = new Option<string>("--role") { Description = "administrator | curator | teacher | psychologist", Required = true };
        role.AcceptOnlyFromAmong(Roles.All);
        var school = new Option<int>("--school") { Description = "Id of the user's school.", Required = true };
        var person = new Option<int?>("--person") { Description = "Id of the person (staff card) the account belongs to." };
        var name = new Option<string?>("--name") { Description = "Display name when there is no person." };
        var create = new Command("create", "Create an account.") { userName, password, role, school, person, name };
        create.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            await DatabaseStartup.EnsureRolesAsync(sp);
            var request = new AccountRequest(r.GetValue(school), r.GetValue(userName), r.GetValue(role), r.GetValue(person),
                r.GetValue(name) ?? r.GetValue(userName), r.GetValue(password));
            var result = await sp.GetRequiredService<AccountCommands>().CreateAsync(request, ct);
            if (result.Error is { } error) return error.ToExitCode(Console.Error);
            Console.WriteLine($"Account {result.Value!.User.UserName} created ({r.GetValue(role)}).");
            return 0;
        }));
        return new Command("user", "Accounts.") { create, Role() };
    }

    /// <summary><c>nastavnik user role</c>: the account's role becomes the given one; its sessions end within a minute.</summary>
    private static Command Role()
    {
        var userName = new Option<string>("--username") { Description = "Login of the account.", Required = true };
        var role = new Option<string>("--role") { Description = "administrator | curator | teacher | psychologist", Required = true };
        role.AcceptOnlyFromAmong(Roles.All);
        var command = new Command("role", "Change an account's role.") { userName, role };
        command.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            if (await users.FindByNameAsync(r.GetValue(userName)!) is not { } user)
                return Features.CommandError.NotFound($"Учётная запись «{r.GetValue(userName)}» не найдена.").ToExitCode(Console.Error);
            var result = await sp.GetRequiredService<AccountCommands>().ChangeRoleAsync(user.SchoolId, user.Id, r.GetValue(role)!, ct);
            if (result.Error is { } error) return error.ToExitCode(Console.Error);
            Console.WriteLine($"Account {user.UserName} is now {r.GetValue(role)}.");
            return 0;
        }));
        return command;
    }
}
