namespace Nastavnik.Web.Features.Shared;

/// <summary>Authorization policies; every page and endpoint names one of these (or AllowAnonymous).</summary>
public static class Policies
{
    public const string StaffRead = "staff.read";
    public const string StaffWrite = "staff.write";
    public const string CatalogRead = "catalog.read";
    public const string CatalogWrite = "catalog.write";
    public const string UsersManage = "users.manage";
}
