using Microsoft.AspNetCore.Razor.TagHelpers;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// The «PDF» twin of a .docx download, shown only when <see cref="PdfConverter"/> is available (else nothing: the .docx alone).
/// <c>&lt;pdf-twin href="/Pairs/5?handler=AgreementDocx" /&gt;</c> is a link to the same download with <c>as=pdf</c>;
/// <c>&lt;pdf-twin /&gt;</c> inside a GET form is a second submit button sending <c>as=pdf</c> with the form's fields.
/// <c>DownloadAudit</c> does the conversion for every page and API download.
/// </summary>
[HtmlTargetElement("pdf-twin", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PdfTwinTagHelper(PdfConverter converter) : TagHelper
{
    /// <summary>The .docx download to pair; none: a submit button of the enclosing form.</summary>
    public string? Href { get; set; }

    /// <summary>The button's text («PDF» by default).</summary>
    public string Label { get; set; } = "PDF";

    /// <summary>Bootstrap classes of the button.</summary>
    public string CssClass { get; set; } = "btn btn-outline-secondary";

    /// <summary>The data-testid of the button (for tests), «pdf» by default.</summary>
    public string TestId { get; set; } = "pdf";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!converter.IsAvailable)
        {
            output.SuppressOutput();
            return;
        }
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", CssClass);
        output.Attributes.SetAttribute("data-testid", TestId);
        if (Href is { } href)
        {
            output.TagName = "a";
            output.Attributes.SetAttribute("href", href + (href.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "as=pdf");
        }
        else
        {
            output.TagName = "button";
            output.Attributes.SetAttribute("type", "submit");
            output.Attributes.SetAttribute("name", "as");
            output.Attributes.SetAttribute("value", "pdf");
        }
        output.Content.SetHtmlContent("<i class=\"bi bi-file-earmark-pdf\" aria-hidden=\"true\"></i> ");
        output.Content.Append(Label);
    }
}
