using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nastavnik.Web.Data.Backup;

/// <summary>What a backup holds, written first into the file: the provider, the schema version (the last applied EF migration) and
/// the kind of payload, so a restore can refuse a file of another provider or of a newer schema before it changes anything.</summary>
public sealed record BackupManifest
{
    public const string FormatName = "nastavnik-backup";
    public const int CurrentFormatVersion = 1;

    public string Format { get; init; } = FormatName;
    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public DatabaseProvider Provider { get; init; }
    /// <summary><see cref="BackupPayload"/>: how the data is stored in the file.</summary>
    public string Payload { get; init; } = "";
    /// <summary>The last applied migration of the saved database (its schema version).</summary>
    public string SchemaVersion { get; init; } = "";
    public IReadOnlyList<string> Migrations { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public string Application { get; init; } = "";
    /// <summary>The tables of a logical export (<see cref="BackupPayload.Copy"/>), each with its columns and rows.</summary>
    public IReadOnlyList<BackupTable> Tables { get; init; } = [];
    /// <summary>The sequences' last values of a logical export, so new rows after a restore get fresh ids.</summary>
    public IReadOnlyList<BackupSequence> Sequences { get; init; } = [];
}

public sealed record BackupTable(string Name, IReadOnlyList<string> Columns, long Rows, string Entry);

public sealed record BackupSequence(string Name, long? LastValue);

/// <summary>The kinds of payload a backup file carries.</summary>
public static class BackupPayload
{
    /// <summary>SQLite: the database file made by SQLite's online backup API (<c>database.sqlite</c>).</summary>
    public const string Sqlite = "sqlite";
    /// <summary>PostgreSQL: <c>pg_dump --format=custom</c> (<c>database.pgdump</c>), restored by <c>pg_restore</c>.</summary>
    public const string PgDump = "pg_dump";
    /// <summary>PostgreSQL without pg_dump: every table as binary COPY (<c>tables/NAME.copy</c>), restored by COPY.</summary>
    public const string Copy = "copy";
}

/// <summary>
/// The backup file: a .zip with <c>manifest.json</c> (<see cref="BackupManifest"/>) and the payload. It holds personal data, so it is
/// created readable by the account that makes it only, and written under a temporary name first: an interrupted backup leaves no
/// file that looks whole.
/// </summary>
public static class BackupArchive
{
    public const string ManifestEntry = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Creates <paramref name="path"/> (which must not exist) readable and writable by this account only.</summary>
    public static FileStream CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    public static void WriteManifest(ZipArchive zip, BackupManifest manifest)
    {
        var entry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
        using var stream = entry.Open();
        JsonSerializer.Serialize(stream, manifest, Json);
    }

    /// <summary>The manifest of a backup file, or null when the file is not a backup of Nastavnik (not a .zip, no manifest, another format).</summary>
    public static BackupManifest? ReadManifest(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(ManifestEntry);
            if (entry is null) return null;
            using var stream = entry.Open();
            var manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
            return manifest is { Format: BackupManifest.FormatName } && manifest.SchemaVersion.Length > 0 ? manifest : null;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The version of this build, written into each manifest.</summary>
    public static string ApplicationVersion =>
        typeof(BackupArchive).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "";
}

/// <summary>A backup or a restore could not be done; the message is Russian and says why.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
