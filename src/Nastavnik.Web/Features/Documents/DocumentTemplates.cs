using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// Every kind of document the system generates, in one list: the page of templates shows each with its placeholders, and a school's
/// own template is stored by its code. A new generator adds its <see cref="DocumentTemplate"/> here and fills it through
/// <see cref="TemplateStore.FillAsync"/>.
/// </summary>
public static class DocumentTemplates
{
    public static readonly IReadOnlyList<DocumentTemplate> All =
    [
        .. ProgramOrders.All, PairDocumentTemplates.Agreement, ProgramOrders.ThanksLetter, Awards.Certificate, Awards.PartnerThanks,
        ConsentForm.Template, AcknowledgementCommands.Sheet, .. ProgramReports.All, PairReportTemplates.Report, PairReportTemplates.Plan,
    ];

    public static DocumentTemplate? Find(string? code) => All.FirstOrDefault(t => t.Code == code);

    /// <summary>
    /// Sample data with every field of the template's list (collections with one item of their fields): a template filled with it
    /// without a <see cref="DocumentTemplateException"/> uses only known placeholders, all closed, collections in table rows.
    /// </summary>
    public static DocumentData Sample(DocumentTemplate template)
    {
        var data = new DocumentData();
        var collections = template.Fields.Where(f => f.Name.StartsWith('#')).Select(f => f.Name[1..]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in collections)
        {
            var item = template.Fields.Where(f => f.Name.StartsWith(name + ".", StringComparison.Ordinal))
                .ToDictionary(f => f.Name[(name.Length + 1)..], f => (string?)f.Description);
            data.SetItems(name, [item]);
        }
        foreach (var f in template.Fields.Where(f => !f.Name.StartsWith('#')))
        {
            var dot = f.Name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || !collections.Contains(f.Name[..dot])) data.Set(f.Name, f.Description);
        }
        return data;
    }
}
