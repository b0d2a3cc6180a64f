using System.Text;
using Azure.Data.Tables;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Storage.Entities;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>Closed drift windows in the <c>drift</c> table, newest first (see Storage/README.md).</summary>
public sealed class TableDriftWindowStore(StorageTables tables) : IDriftWindowStore
{
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 25;

    public async Task SaveAsync(DriftWindowRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(record.SystemId, InvertedTicks.Of(record.WindowStart))
        {
            ["WindowStart"] = record.WindowStart,
            ["WindowEnd"] = record.WindowEnd,
            ["Rows"] = record.Rows,
            ["ReferenceVersion"] = record.ReferenceVersion,
            ["DatasetDrift"] = record.DatasetDrift,
            ["DriftedColumns"] = StorageJson.Serialize(record.DriftedColumns),
            ["DriftShare"] = record.DriftShare,
            ["Findings"] = Truncate(StorageJson.Serialize(record.Findings)),
            ["ModelVersions"] = Truncate(StorageJson.Serialize(record.ModelVersions)),
            ["Note"] = record.Note,
        };
        var report = record.ReportJson ?? "";
        var chunks = (report.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A drift report of {report.Length} characters exceeds what one window row holds.");
        }

        entity["ReportChunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity[$"Report{i}"] = report.Substring(i * ChunkLength, Math.Min(ChunkLength, report.Length - (i * ChunkLength)));
        }

        await tables.Drift.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
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
            result.Add(ToRecord(row));
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    private static DriftWindowRecord ToRecord(TableEntity row)
    {
        var chunks = row.GetInt32("ReportChunks") ?? 0;
        var report = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            report.Append(row.GetString($"Report{i}"));
        }

        return new DriftWindowRecord(
            row.PartitionKey,
            row.GetDateTimeOffset("WindowStart") ?? default,
            row.GetDateTimeOffset("WindowEnd") ?? default,
            row.GetInt64("Rows") ?? 0,
            row.GetString("ReferenceVersion"),
            row.GetBoolean("DatasetDrift") ?? false,
            StorageJson.Deserialize<List<string>>(row.GetString("DriftedColumns"), []),
            row.GetDouble("DriftShare") ?? 0,
            chunks == 0 ? null : report.ToString(),
            StorageJson.Deserialize<List<DataQualityFinding>>(row.GetString("Findings"), []),
            StorageJson.Deserialize<Dictionary<string, long>>(row.GetString("ModelVersions"), []),
            row.GetString("Note"));
    }

    private static string Truncate(string json) => json.Length <= ChunkLength ? json : "[]";
}
