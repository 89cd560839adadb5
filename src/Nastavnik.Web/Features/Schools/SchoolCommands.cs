using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Catalog;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Schools;

/// <summary>Creating a school of the installation: under its district and region (found by name or created), with the default catalog.</summary>
public sealed class SchoolCommands(AppDbContext db)
{
    public async Task<CommandResult<Organization>> CreateAsync(string? name, string? district, string? region, CancellationToken ct)
    {
        var clean = RussianText.Clean(name);
        if (clean is null) return CommandError.Invalid("Укажите полное название школы, например «ГБОУ СОШ № 291».");
        if (clean.Length > 300) return CommandError.Invalid("Название школы длиннее 300 символов.");
        var parent = await FindOrAddAsync(OrganizationKind.District, district, await FindOrAddAsync(OrganizationKind.Region, region, null, ct), ct);
        var school = new Organization { Kind = OrganizationKind.School, Name = clean, Parent = parent };
        db.Organizations.Add(school);
        // The school and its catalog together, or neither.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        DefaultCatalog.AddTo(db, school.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return school;
    }

    private async Task<Organization?> FindOrAddAsync(OrganizationKind kind, string? title, Organization? parent, CancellationToken ct)
    {
        if (RussianText.Clean(title) is not { } clean) return parent;
        var parentId = parent?.Id;
        var existing = parent is { Id: 0 } ? null
            : await db.Organizations.FirstOrDefaultAsync(o => !o.IsDemo && o.Kind == kind && o.Name == clean && o.ParentId == parentId, ct);
        if (existing is not null) return existing;
        var created = new Organization { Kind = kind, Name = clean, Parent = parent };
        db.Organizations.Add(created);
        return created;
    }
}
