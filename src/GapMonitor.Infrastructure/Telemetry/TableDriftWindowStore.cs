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
/// drifted columns, model versions, performance or distributions would not fit its row keeps them in a blob the row
/// points to; reading returns them either way.
/// </summary>
public sealed class TableDriftWindowStore(StorageTables tables, TelemetryBlobs blobs) : IDriftWindowStore
{
    private const int ChunkLength = 30_000;

    /// <summary>10 report chunks and five more properties of one chunk each stay below the 1 MiB of an entity (UTF-16).</summary>
    private const int MaxInlineChunks = 10;

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
        var details = new DetailsDto(record.ReportJson, record.DriftedColumns, record.Findings, record.ModelVersions, record.Performance, record.Distributions);
        var driftedColumns = StorageJson.Serialize(details.DriftedColumns);
        var findings = StorageJson.Serialize(details.Findings);
        var modelVersions = StorageJson.Serialize(details.ModelVersions);
        var performance = record.Performance is null ? null : StorageJson.Serialize(record.Performance);
        var distributions = record.Distributions is null ? null : StorageJson.Serialize(record.Distributions);
        var report = record.ReportJson ?? "";
        if (report.Length > MaxInlineChunks * ChunkLength || driftedColumns.Length > ChunkLength || findings.Length > ChunkLength || modelVersions.Length > ChunkLength
            || performance?.Length > ChunkLength || distributions?.Length > ChunkLength)
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
            entity["Distributions"] = distributions;
            var chunks = (report.Length + ChunkLength - 1) / ChunkLength;
            entity["ReportChunks"] = chunks;
            for (var i = 0; i < chunks; i++)
            {
                entity[$"Report{i}"] = report.Substring(i * ChunkLength, Math.Min(ChunkLength, report.Length - (i * ChunkLength)));
            }
        }

        await tables.Drift.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<DriftWindowRecord?> GetAsync(string systemId, DateTimeOffset windowStart, CancellationToken cancellationToken = default)
    {
        var row = await tables.Drift.GetEntityIfExistsAsync<TableEntity>(systemId, InvertedTicks.Of(windowStart), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } found ? ToRecord(found, await DetailsAsync(found, cancellationToken)) : null;
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
            StorageJson.Deserialize<List<ColumnDistribution>?>(row.GetString("Distributions"), null));
    }

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
        details.Performance,
        details.Distributions);

    private sealed record DetailsDto(
        string? ReportJson,
        IReadOnlyList<string>? DriftedColumns,
        IReadOnlyList<DataQualityFinding>? Findings,
        IReadOnlyDictionary<string, long>? ModelVersions,
        WindowPerformance? Performance,
        IReadOnlyList<ColumnDistribution>? Distributions);
}
