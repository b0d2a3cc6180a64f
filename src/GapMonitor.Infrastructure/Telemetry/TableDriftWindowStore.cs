using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Distributions;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Closed drift windows in the <c>drift</c> table, newest first (see Storage/README.md). A window whose report, findings,
/// drifted columns, model versions or performance would not fit its row keeps them in a blob the row points to.
/// Distributions (shares and edges rounded to six significant digits) go in their own property, or their own blob when
/// too large, and only <see cref="GetAsync"/> reads them: listing never downloads one blob per window for a chart.
/// Rows of the earlier format (distributions inside the details, in the row or the details blob) stay readable.
/// </summary>
public sealed class TableDriftWindowStore(StorageTables tables, TelemetryBlobs blobs) : IDriftWindowStore
{
    private const int ChunkLength = 30_000;

    /// <summary>10 report chunks and five more properties of one chunk each stay below the 1 MiB of an entity (UTF-16).</summary>
    private const int MaxInlineChunks = 10;

    private const int SignificantDigits = 6;

    private static readonly DetailsDto Empty = new(null, [], [], new Dictionary<string, long>(), null, null);

    public async Task SaveAsync(DriftWindowRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rowKey = InvertedTicks.Of(record.WindowStart);
        var entity = new TableEntity(record.SystemId, rowKey)
        {
            ["WindowStart"] = record.WindowStart,
            ["WindowEnd"] = record.WindowEnd,
            ["Rows"] = record.Rows,
            ["ReferenceVersion"] = record.ReferenceVersion,
            ["DatasetDrift"] = record.DatasetDrift,
            ["DriftShare"] = record.DriftShare,
            ["Note"] = record.Note,
        };
        var details = new DetailsDto(record.ReportJson, record.DriftedColumns, record.Findings, record.ModelVersions, record.Performance, null);
        var driftedColumns = StorageJson.Serialize(details.DriftedColumns);
        var findings = StorageJson.Serialize(details.Findings);
        var modelVersions = StorageJson.Serialize(details.ModelVersions);
        var performance = record.Performance is null ? null : StorageJson.Serialize(record.Performance);
        var report = record.ReportJson ?? "";
        if (report.Length > MaxInlineChunks * ChunkLength || driftedColumns.Length > ChunkLength || findings.Length > ChunkLength || modelVersions.Length > ChunkLength
            || performance?.Length > ChunkLength)
        {
            var name = $"{record.SystemId}/{rowKey}.json";
            await blobs.DriftReports.GetBlobClient(name).UploadAsync(BinaryData.FromString(StorageJson.Serialize(details)), overwrite: true, cancellationToken);
            entity["DetailsBlob"] = name;
        }
        else
        {
            entity["DriftedColumns"] = driftedColumns;
            entity["Findings"] = findings;
            entity["ModelVersions"] = modelVersions;
            entity["Performance"] = performance;
            var chunks = (report.Length + ChunkLength - 1) / ChunkLength;
            entity["ReportChunks"] = chunks;
            for (var i = 0; i < chunks; i++)
            {
                entity[$"Report{i}"] = report.Substring(i * ChunkLength, Math.Min(ChunkLength, report.Length - (i * ChunkLength)));
            }
        }

        if (record.Distributions is { } distributions)
        {
            var json = StorageJson.Serialize(Rounded(distributions));
            if (json.Length > ChunkLength)
            {
                var name = $"{record.SystemId}/{rowKey}.distributions.json";
                await blobs.DriftReports.GetBlobClient(name).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken);
                entity["DistributionsBlob"] = name;
            }
            else
            {
                entity["Distributions"] = json;
            }
        }

        await tables.Drift.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<DriftWindowRecord?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        var row = await tables.Drift.GetEntityIfExistsAsync<TableEntity>(systemId, InvertedTicks.Of(windowStart), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } found)
        {
            return null;
        }

        var details = await DetailsAsync(found, cancellationToken);
        return ToRecord(found, details) with { Distributions = await DistributionsAsync(found, details, cancellationToken) };
    }

    public async Task<IReadOnlyList<DriftWindowRecord>> ListAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, int max, CancellationToken cancellationToken = default)
    {
        // Newest first: the window starting at `to` or earlier has the smallest inverted key, `from` bounds the other end.
        var low = to is { } t ? InvertedTicks.Of(t) : "";
        var high = from is { } f ? InvertedTicks.Of(f) : "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {low} and RowKey le {high}");
        var result = new List<DriftWindowRecord>();
        await foreach (var row in tables.Drift.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 100), cancellationToken: cancellationToken))
        {
            result.Add(ToRecord(row, await DetailsAsync(row, cancellationToken)));
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    public Task<ResultPage<DriftWindowRecord>> ListPageAsync(string systemId, DateTimeOffset? from, DateTimeOffset? to, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var low = to is { } t ? InvertedTicks.Of(t) : "";
        var high = from is { } f ? InvertedTicks.Of(f) : "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {systemId} and RowKey ge {low} and RowKey le {high}");
        if (KeysetPaging.RowKeyAfter(page.Continuation, "0", ":") is { } after)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        return KeysetPaging.ReadAsync(
            tables.Drift.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(page.Limit + 1, 100), cancellationToken: cancellationToken),
            page.Limit,
            row => row.RowKey,
            async row => (DriftWindowRecord?)ToRecord(row, await DetailsAsync(row, cancellationToken)),
            cancellationToken);
    }

    private async Task<DetailsDto> DetailsAsync(TableEntity row, CancellationToken cancellationToken)
    {
        if (row.GetString("DetailsBlob") is { } name)
        {
            try
            {
                var content = await blobs.DriftReports.GetBlobClient(name).DownloadContentAsync(cancellationToken);
                return StorageJson.Deserialize<DetailsDto?>(content.Value.Content.ToString(), null) ?? Empty;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return Empty;
            }
        }

        var chunks = row.GetInt32("ReportChunks") ?? 0;
        var report = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            report.Append(row.GetString($"Report{i}"));
        }

        return new DetailsDto(
            chunks == 0 ? null : report.ToString(),
            StorageJson.Deserialize<List<string>>(row.GetString("DriftedColumns"), []),
            StorageJson.Deserialize<List<DataQualityFinding>>(row.GetString("Findings"), []),
            StorageJson.Deserialize<Dictionary<string, long>>(row.GetString("ModelVersions"), []),
            StorageJson.Deserialize<WindowPerformance?>(row.GetString("Performance"), null),
            null);
    }

    /// <summary>The window's distributions: its own property or blob, or (rows of the earlier format) the details blob's.</summary>
    private async Task<IReadOnlyList<ColumnDistribution>?> DistributionsAsync(TableEntity row, DetailsDto details, CancellationToken cancellationToken)
    {
        if (row.GetString("Distributions") is { } inline)
        {
            return StorageJson.Deserialize<List<ColumnDistribution>?>(inline, null);
        }

        if (row.GetString("DistributionsBlob") is not { } name)
        {
            return details.Distributions;
        }

        try
        {
            var content = await blobs.DriftReports.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return StorageJson.Deserialize<List<ColumnDistribution>?>(content.Value.Content.ToString(), null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static List<ColumnDistribution> Rounded(IReadOnlyList<ColumnDistribution> distributions) =>
        [.. distributions.Select(d => d with
        {
            Bins = [.. d.Bins.Select(b => b with { Lower = Round(b.Lower), Upper = Round(b.Upper), Reference = Round(b.Reference), Current = Round(b.Current) })],
        })];

    private static double? Round(double? value) => value is { } v ? Round(v) : null;

    private static double Round(double value) =>
        double.IsFinite(value)
            ? double.Parse(value.ToString("G" + SignificantDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value;

    private static DriftWindowRecord ToRecord(TableEntity row, DetailsDto details) => new(
        row.PartitionKey,
        row.GetDateTimeOffset("WindowStart") ?? default,
        row.GetDateTimeOffset("WindowEnd") ?? default,
        row.GetInt64("Rows") ?? 0,
        row.GetString("ReferenceVersion"),
        row.GetBoolean("DatasetDrift") ?? false,
        details.DriftedColumns ?? [],
        row.GetDouble("DriftShare") ?? 0,
        details.ReportJson,
        details.Findings ?? [],
        details.ModelVersions ?? new Dictionary<string, long>(),
        row.GetString("Note"),
        details.Performance);

    private sealed record DetailsDto(
        string? ReportJson,
        IReadOnlyList<string>? DriftedColumns,
        IReadOnlyList<DataQualityFinding>? Findings,
        IReadOnlyDictionary<string, long>? ModelVersions,
        WindowPerformance? Performance,
        IReadOnlyList<ColumnDistribution>? Distributions);
}
