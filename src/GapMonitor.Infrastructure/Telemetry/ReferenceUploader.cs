using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift;
using GapMonitor.Drift.Profiles;
using nietras.SeparatedValues;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Streams an uploaded reference dataset (CSV with a header row, or NDJSON rows) to Blob Storage under a new version,
/// then profiles it from the stored copy. The caller switches the system to the new version only after this completes,
/// so a failed or partial upload never replaces the previous reference.
/// </summary>
public sealed class ReferenceUploader(TelemetryBlobs blobs) : IReferenceUploader
{
    public async Task<ReferenceUpload> UploadAsync(string systemId, string version, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        var data = blobs.References.GetBlobClient(ReferenceNames.Data(systemId, version));
        await data.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        var properties = await data.GetPropertiesAsync(cancellationToken: cancellationToken);
        DatasetProfile profile;
        try
        {
            await using var stored = await data.OpenReadAsync(cancellationToken: cancellationToken);
            profile = contentType == ReferenceFormats.Csv ? ProfileCsv(stored) : await ProfileNdjsonAsync(stored, cancellationToken);
            if (profile.Rows == 0 || profile.Columns.Count == 0)
            {
                throw new ReferenceFormatException("The reference dataset has no rows.");
            }
        }
        catch (ReferenceFormatException)
        {
            await data.DeleteIfExistsAsync(cancellationToken: cancellationToken);
            throw;
        }

        await blobs.References.GetBlobClient(ReferenceNames.Profile(systemId, version))
            .UploadAsync(new BinaryData(ProfileBinary.Serialize(profile)), overwrite: true, cancellationToken);
        return new ReferenceUpload(version, profile.Rows, [.. profile.Columns.Select(c => c.Name)], properties.Value.ContentLength);
    }

    private static DatasetProfile ProfileCsv(Stream stream)
    {
        var profile = new DatasetProfile(TelemetryIngestion.ReferenceProfileSettings);
        try
        {
            using var reader = OpenCsv(stream);
            if (reader.IsEmpty || reader.Header.ColNames.Count == 0)
            {
                throw new ReferenceFormatException("The CSV has no header row.");
            }

            var names = reader.Header.ColNames.ToArray();
            var admission = new ColumnAdmission([]);
            foreach (var name in names)
            {
                Admit(admission, name);
            }

            var columns = names.Select(profile.Column).ToArray();
            var line = 1L;
            foreach (var row in reader)
            {
                line++;
                if (row.ColCount == 1 && row[0].Span.IsEmpty)
                {
                    continue;
                }

                if (row.ColCount != names.Length)
                {
                    throw new ReferenceFormatException($"Row {line} has {row.ColCount} fields; the header has {names.Length}.");
                }

                for (var i = 0; i < names.Length; i++)
                {
                    var span = row[i].Span;
                    columns[i].Add(MissingTokens.IsMissing(span) ? null : TelemetryText.Truncate(span.ToString(), TelemetryText.MaxValue));
                }

                profile.Rows++;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            throw new ReferenceFormatException($"The CSV cannot be parsed: {ex.Message}");
        }

        return profile;
    }

    private static async Task<DatasetProfile> ProfileNdjsonAsync(Stream stream, CancellationToken cancellationToken)
    {
        var profile = new DatasetProfile(TelemetryIngestion.ReferenceProfileSettings);
        var admission = new ColumnAdmission([]);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = 0L;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ReferenceFormatException($"Line {line} is not a JSON object.");
                }

                var row = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
                foreach (var name in row.Keys)
                {
                    Admit(admission, name);
                }

                TelemetryRow.Fold(profile, row);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // InvalidOperationException: a string escapes half a surrogate pair ("\ud800"), which only reading it reveals.
                throw new ReferenceFormatException($"Line {line} is not valid JSON: {ex.Message}");
            }
        }

        return profile;
    }

    internal static SepReader OpenCsv(Stream stream)
    {
        try
        {
            return Sep.Reader(o => o with
            {
                Sep = new Sep(','),
                HasHeader = true,
                Unescape = true,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(stream);
        }
        catch (ArgumentException ex)
        {
            // Sep refuses a header that names a column twice.
            throw new ReferenceFormatException($"The CSV header is not usable: {ex.Message}");
        }
    }

    private static void Admit(ColumnAdmission admission, string name)
    {
        if (!admission.TryAdmit(name, out var refusal))
        {
            throw new ReferenceFormatException($"Column '{(name.Length > 64 ? name[..64] + "…" : name)}': {refusal}", "columns");
        }
    }
}
