using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using GapMonitor.Infrastructure.Telemetry.Pushed;
using Microsoft.Extensions.Options;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Pushed batches as Azure ML data-collector records in the <c>pushedtelemetry</c> container: one blob per batch,
/// <c>pushed/{systemId}/{yyyy}/{MM}/{dd}/{HH}/{mm}/{ssfffffff}-{id}.jsonl</c> named by the service clock at arrival
/// (<see cref="PushedBlobName"/>), where <c>{id}</c> (also the record's <c>id</c>) is a hash of the batch id. A batch
/// id is claimed by a marker blob, <c>pushed-batches/{systemId}/{id}</c>, created with If-None-Match: * before the data
/// and naming the data blob, so:
/// <list type="bullet">
/// <item>a repeated batch id finds the marker and its data blob: a duplicate, nothing written, also hours later;</item>
/// <item>a crash between marker and data leaves a marker without data: the retry writes the data under the marker's
/// name (If-None-Match: *, so a first attempt still in flight and the retry write it once between them);</item>
/// <item>a retry later than <see cref="MoveAfter"/>, when the reader may have settled past the marker's name, first
/// moves the marker (If-Match) to a name of its own arrival, then writes the data there.</item>
/// </list>
/// A data blob is written whole in one request and never changed: the reader sees all of its rows or none. A push
/// gives up after <see cref="WriteBudget"/> (503, retry with the same batch id), so a blob appears within that of its
/// name's time, well inside the reader's <see cref="PushedLogReader.SettleDelay"/>.
/// </summary>
public sealed class BlobPushedTelemetryLog(TelemetryBlobs blobs, TimeProvider timeProvider, IOptions<RetentionOptions> retention) : IPushedTelemetryLog
{
    /// <summary>Prefix of the data blobs, followed by the system id.</summary>
    public const string DataRoot = "pushed";

    /// <summary>Prefix of the batch markers, followed by the system id.</summary>
    public const string MarkerRoot = "pushed-batches";

    private const string BlobKey = "blob";
    private const int MaxAttempts = 5;

    /// <summary>How long one push may spend writing; past it the push fails and its name is no longer written.</summary>
    public static readonly TimeSpan WriteBudget = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A marker whose data blob is missing and whose name is older than this is moved to the retry's own arrival: the
    /// attempt that named it gave up (<see cref="WriteBudget"/>) long before, and the reader settles names older than
    /// <see cref="PushedLogReader.SettleDelay"/>.
    /// </summary>
    public static readonly TimeSpan MoveAfter = TimeSpan.FromMinutes(2);


    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    internal BlobContainerClient Container => blobs.Pushed;

    /// <summary>The data-collector prefix of a system's pushed records (the hour folders are under it).</summary>
    public static string PrefixOf(string systemId) => $"{DataRoot}/{systemId}";

    /// <summary>The record id (and blob name) of a batch id.</summary>
    public static string RecordId(string batchId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(batchId)).AsSpan(0, 16));

    public static string DataBlobName(string systemId, DateTimeOffset arrivedAt, string recordId) =>
        new PushedBlobName(arrivedAt, recordId).Under(PrefixOf(systemId));

    public static string MarkerBlobName(string systemId, string recordId) => $"{MarkerRoot}/{systemId}/{recordId}";

    public async Task<bool> AppendAsync(string systemId, PushedBatch batch, DateTimeOffset recordTime, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        ArgumentNullException.ThrowIfNull(batch);
        using var budget = new CancellationTokenSource(WriteBudget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await AppendWithinBudgetAsync(systemId, batch, recordTime, arrivedAt, linked.Token);
        }
        catch (OperationCanceledException ex) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException($"The batch was not written within {WriteBudget.TotalSeconds:0} s; retry with the same batchId.", ex);
        }
    }

    private async Task<bool> AppendWithinBudgetAsync(string systemId, PushedBatch batch, DateTimeOffset recordTime, DateTimeOffset arrivedAt, CancellationToken cancellationToken)
    {
        var recordId = RecordId(batch.BatchId);
        var record = Serialize(recordId, batch, recordTime);
        var dataName = DataBlobName(systemId, arrivedAt, recordId);
        var marker = Container.GetBlobClient(MarkerBlobName(systemId, recordId));
        try
        {
            await marker.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, Metadata = new Dictionary<string, string> { [BlobKey] = dataName } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return await ResumeAsync(marker, systemId, recordId, record, arrivedAt, cancellationToken);
        }

        // This call claimed the batch id: data already under its name is this call's own write whose answer was lost
        // (the storage client retried it), or a concurrent retry's that found the claim. Either way it was accepted once.
        await TryWriteDataAsync(dataName, record, cancellationToken);
        return true;
    }

    /// <summary>True when the data blob was written now, false when it already existed.</summary>
    internal async Task<bool> TryWriteDataAsync(string dataName, BinaryData record, CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetBlobClient(dataName).UploadAsync(
                record, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>One line: a data-collector record whose <c>data</c> holds the rows as they were pushed.</summary>
    internal static BinaryData Serialize(string recordId, PushedBatch batch, DateTimeOffset recordTime)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", "1.0");
            writer.WriteString("id", recordId);
            writer.WriteString("source", "/gapmonitor/push");
            writer.WriteString("type", "azureml.inference.inputs");
            writer.WriteString("datacontenttype", "application/json");
            writer.WriteString("time", recordTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            if (batch.ModelVersion is not null)
            {
                writer.WriteString("modelversion", batch.ModelVersion);
            }

            writer.WriteString("batchid", batch.BatchId);
            writer.WriteStartArray("data");
            foreach (var row in batch.Rows)
            {
                row.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return new BinaryData(buffer.WrittenMemory);
    }

    /// <summary>The batch id was claimed before: a duplicate when its data blob exists, else the data is written now.</summary>
    private async Task<bool> ResumeAsync(BlobClient marker, string systemId, string recordId, BinaryData record, DateTimeOffset arrivedAt, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var properties = (await marker.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var dataName = properties.Metadata.TryGetValue(BlobKey, out var name) ? name : DataBlobName(systemId, arrivedAt, recordId);
            if (await Container.GetBlobClient(dataName).ExistsAsync(cancellationToken) || IsCollected(systemId, dataName, arrivedAt))
            {
                return false;
            }

            if (!IsStale(systemId, dataName, arrivedAt))
            {
                return await TryWriteDataAsync(dataName, record, cancellationToken);
            }

            var moved = DataBlobName(systemId, arrivedAt, recordId);
            try
            {
                await marker.SetMetadataAsync(
                    new Dictionary<string, string> { [BlobKey] = moved },
                    new BlobRequestConditions { IfMatch = properties.ETag },
                    cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                continue;
            }

            return await TryWriteDataAsync(moved, record, cancellationToken);
        }
    }

    /// <summary>
    /// Whether a missing data blob may have been written, folded and deleted by retention: its name is older than
    /// <see cref="RetentionOptions.PushedDays"/>. Younger, it was never written (retention would not have deleted it), so
    /// the retry writes it; older, the batch id stays a duplicate for as long as its marker lives.
    /// </summary>
    private bool IsCollected(string systemId, string dataName, DateTimeOffset now) =>
        NamedAt(systemId, dataName) is { } named && now - named > TimeSpan.FromDays(retention.Value.PushedDays);

    /// <summary>The arrival a data blob's name records: to the tick, or the hour folder of an earlier build's name.</summary>
    private static DateTimeOffset? NamedAt(string systemId, string dataName)
    {
        if (PushedBlobName.TryParse(dataName, PrefixOf(systemId), out var name))
        {
            return name.ArrivedAt;
        }

        return dataName.StartsWith(PrefixOf(systemId) + "/", StringComparison.Ordinal)
            && HourFolder.TryParse(HourFolder.KeyOf(dataName, PrefixOf(systemId)), out var folder)
                ? folder.Start
                : null;
    }

    /// <summary>Whether <paramref name="dataName"/> is an earlier build's name, or so old that the reader may have settled past it.</summary>
    private static bool IsStale(string systemId, string dataName, DateTimeOffset now) =>
        !PushedBlobName.TryParse(dataName, PrefixOf(systemId), out var name) || now - name.ArrivedAt > MoveAfter;

    /// <summary>Whether the system has any pushed record (a system without other telemetry is pulled only then).</summary>
    public async Task<bool> HasPushesAsync(string systemId, CancellationToken cancellationToken = default)
    {
        // A listing page may come back empty with a continuation (the service answers what it found in its time box).
        await foreach (var page in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = PrefixOf(systemId) + "/" }, cancellationToken).AsPages(pageSizeHint: 1))
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
