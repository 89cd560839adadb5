using Microsoft.AspNetCore.Identity;

namespace Nastavnik.Web.Data;

public static class Roles
{
    public const string Administrator = "administrator";
    public const string Curator = "curator";
    public const string Teacher = "teacher";
    public const string Psychologist = "psychologist";

    public static readonly string[] All = [Administrator, Curator, Teacher, Psychologist];

    public static string Title(string role) => role switch
    {
        Administrator => "Администратор",
        Curator => "Куратор",
        Teacher => "Педагог",
        Psychologist => "Педагог-психолог",
        _ => role,
    };
}

/// <summary>An account. Usernames are unique across schools; the account belongs to one school and may be linked to a Person.</summary>
public class AppUser : IdentityUser
{
    public int SchoolId { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public required string DisplayName { get; set; }
    public bool MustChangePassword { get; set; }
}
