using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Nastavnik.Web.Features.Documents;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Tests.Documents;

/// <summary>
/// The converter on its own: conversions in parallel each get their PDF (a profile per worker), a LibreOffice that hangs is killed at
/// the timeout, one that makes no PDF and a missing one are refused with a Russian message — never a broken file.
/// </summary>
public sealed class PdfConverterTests
{
    private static PdfConverter Converter(string? program, int timeout = 60) => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Documents:LibreOffice"] = program, ["Documents:PdfTimeoutSeconds"] = timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).Build(), NullLogger<PdfConverter>.Instance);

    private static string Script(string body)
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-fake-soffice-").FullName;
        var path = Path.Combine(dir, "soffice");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task Three_documents_converted_at_once_each_get_their_own_PDF()
    {
        using var converter = Converter(null);
        converter.IsAvailable.ShouldBeTrue("test.sh installs libreoffice-writer-nogui");
        var templates = new[] { ConsentForm.Template, Awards.Certificate, Awards.PartnerThanks };
        var pdfs = await Task.WhenAll(templates.Select(t => converter.ConvertAsync(t.BuildDefault())));
        DocumentCase.PdfText(pdfs[0]).ShouldContain("СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ");
        DocumentCase.PdfText(pdfs[1]).ShouldContain("СЕРТИФИКАТ НАСТАВНИКА");
        DocumentCase.PdfText(pdfs[2]).ShouldContain("{{Партнёр.Обращение}}");
    }

    [Fact]
    public async Task A_hanging_LibreOffice_is_killed_at_the_timeout_and_a_failing_or_missing_one_is_refused_in_Russian()
    {
        using var hanging = Converter(Script("sleep 30"), timeout: 1);
        var started = DateTime.UtcNow;
        (await Should.ThrowAsync<PdfConversionException>(() => hanging.ConvertAsync(ConsentForm.Template.BuildDefault())))
            .Message.ShouldBe("Преобразование в PDF не уложилось в 1 с и остановлено. Скачайте документ в формате .docx или попробуйте позже.");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(20));

        using var failing = Converter(Script("exit 0"));
        (await Should.ThrowAsync<PdfConversionException>(() => failing.ConvertAsync(ConsentForm.Template.BuildDefault())))
            .Message.ShouldBe("LibreOffice не смог преобразовать документ в PDF. Скачайте документ в формате .docx.");

        using var missing = Converter("/nonexistent/soffice");
        missing.IsAvailable.ShouldBeFalse();
        (await Should.ThrowAsync<PdfConversionException>(() => missing.ConvertAsync([]))).Message.ShouldBe(PdfConverter.NotInstalledText);
    }
}
