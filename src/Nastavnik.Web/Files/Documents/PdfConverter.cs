using System.Collections.Concurrent;
using System.Diagnostics;

namespace Nastavnik.Web.Files.Documents;

/// <summary>
/// Converts a generated .docx to PDF with LibreOffice in headless mode (issue 14, item 11). The program is the setting
/// <c>Documents:LibreOffice</c> (a path to <c>soffice</c>) or <c>soffice</c> on the PATH; without it <see cref="IsAvailable"/> is false
/// and the pages offer the .docx alone. Conversions run at most <see cref="Workers"/> at a time, each worker with its own LibreOffice
/// profile (two processes on one profile refuse or hang), and a conversion that takes longer than <c>Documents:PdfTimeoutSeconds</c>
/// (60 s) is killed. Every failure is a <see cref="PdfConversionException"/> with a Russian message, never a broken file.
/// </summary>
public sealed class PdfConverter : IDisposable
{
    public const string ContentType = "application/pdf";
    public const int Workers = 2;

    private readonly SemaphoreSlim _slots = new(Workers, Workers);
    private readonly ConcurrentBag<string> _profiles = [];
    private readonly TimeSpan _timeout;
    private readonly ILogger<PdfConverter> _log;
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"nastavnik-pdf-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public PdfConverter(IConfiguration configuration, ILogger<PdfConverter> log)
    {
        _log = log;
        Program = Find(configuration["Documents:LibreOffice"]);
        _timeout = TimeSpan.FromSeconds(configuration.GetValue("Documents:PdfTimeoutSeconds", 60));
        for (var i = 0; i < Workers; i++) _profiles.Add(Path.Combine(_root, $"profile-{i}"));
    }

    /// <summary>The LibreOffice program used, or null when it is not installed.</summary>
    public string? Program { get; }

    public bool IsAvailable => Program is not null;

    /// <summary>What the pages say when PDF cannot be made here.</summary>
    public const string NotInstalledText = "PDF недоступен: на сервере не установлен LibreOffice. Скачайте документ в формате .docx.";

    /// <summary>The .docx <paramref name="docx"/> as PDF; throws <see cref="PdfConversionException"/> with a Russian message when it cannot be made.</summary>
    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct = default)
    {
        if (Program is null) throw new PdfConversionException(NotInstalledText);
        await _slots.WaitAsync(ct);
        _profiles.TryTake(out var profile);
        var dir = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            var input = Path.Combine(dir, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(Program)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir,
            };
            foreach (var a in new[] { $"-env:UserInstallation={new Uri(profile!).AbsoluteUri}", "--headless", "--norestore", "--nolockcheck",
                         "--convert-to", "pdf", "--outdir", dir, input })
                start.ArgumentList.Add(a);
            using var process = System.Diagnostics.Process.Start(start) ?? throw new PdfConversionException("Не удалось запустить LibreOffice для преобразования в PDF.");
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                _log.LogWarning("PDF conversion killed after {Seconds} s", _timeout.TotalSeconds);
                throw new PdfConversionException($"Преобразование в PDF не уложилось в {_timeout.TotalSeconds:0} с и остановлено. Скачайте документ в формате .docx или попробуйте позже.");
            }
            var pdf = Path.Combine(dir, "document.pdf");
            var bytes = File.Exists(pdf) ? await File.ReadAllBytesAsync(pdf, ct) : [];
            if (process.ExitCode != 0 || bytes.Length < 5 || !bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            {
                _log.LogWarning("PDF conversion failed with exit code {Code}: {Output} {Errors}", process.ExitCode, await output, await errors);
                throw new PdfConversionException("LibreOffice не смог преобразовать документ в PDF. Скачайте документ в формате .docx.");
            }
            return bytes;
        }
        finally
        {
            _profiles.Add(profile!);
            _slots.Release();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The PDF file of a generated .docx: the same name with «.pdf».</summary>
    public async Task<(byte[] Bytes, string FileName)> ConvertFileAsync(byte[] docx, string fileName, CancellationToken ct = default) =>
        (await ConvertAsync(docx, ct), Path.ChangeExtension(fileName, ".pdf"));

    /// <summary>A download asks for PDF with <c>?as=pdf</c> (not «format», which the roadmap's export already uses for docx/xlsx).</summary>
    public static bool Wanted(HttpRequest request) => string.Equals(request.Query["as"], "pdf", StringComparison.OrdinalIgnoreCase);

    public static bool IsDocx(string? fileName) => fileName?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) == true;

    private static string? Find(string? configured)
    {
        if (configured is not null) return configured.Length > 0 && File.Exists(configured) ? configured : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "soffice", "libreoffice" })
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path)) return path;
            }
        }
        return null;
    }

    public void Dispose()
    {
        _slots.Dispose();
        try { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A document that could not be converted to PDF; the message is Russian and says to take the .docx.</summary>
public sealed class PdfConversionException(string message) : Exception(message);
