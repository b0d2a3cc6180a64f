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

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// Pushed batches as Azure ML data-collector records in the <c>telemetry</c> container: one blob per batch,
/// <c>pushed/{systemId}/{yyyy}/{MM}/{dd}/{HH}/{id}.jsonl</c> in the hour folder of its arrival, where <c>{id}</c> (also the
/// record's <c>id</c>) is a hash of the batch id. A batch id is claimed by a marker blob,
/// <c>pushed-batches/{systemId}/{id}</c>, created with If-None-Match: * before the data and naming the data blob, so:
/// <list type="bullet">
/// <item>a repeated batch id finds the marker and its data blob: a duplicate, nothing written, also hours later;</item>
/// <item>a crash between marker and data leaves a marker without data: the retry writes the data under the marker's
/// name (If-None-Match: *, so a first attempt still in flight and the retry write it once between them);</item>
/// <item>a retry long after such a crash, when the marker's hour folder may be closed for the reader, first moves the
/// marker (If-Match) to a name in the current hour, then writes the data there.</item>
/// </list>
/// A data blob is written whole in one request and never changed: the reader sees all of its rows or none. Arrival hour
/// folders mean a blob can only land in the current hour (or the one before, for a write in flight as the hour turns),
/// which the reader still lists on every pull.
/// </summary>
public sealed class BlobPushedTelemetryLog(TelemetryBlobs blobs) : IPushedTelemetryLog
{
    /// <summary>Prefix of the data blobs, followed by the system id.</summary>
    public const string DataRoot = "pushed";

    /// <summary>Prefix of the batch markers, followed by the system id.</summary>
    public const string MarkerRoot = "pushed-batches";

    private const string BlobKey = "blob";
    private const int MaxAttempts = 5;

    /// <summary>
    /// A marker whose data blob is missing and whose hour folder started before this long ago is moved to the current
    /// hour: its folder may have been closed by the reader by the time the data gets written.
    /// </summary>
    private static readonly TimeSpan ReusableFolderAge = TimeSpan.FromMinutes(45);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    internal BlobContainerClient Container => blobs.Pushed;

    /// <summary>The data-collector prefix of a system's pushed records (the hour folders are under it).</summary>
    public static string PrefixOf(string systemId) => $"{DataRoot}/{systemId}";

    /// <summary>The record id (and blob name) of a batch id.</summary>
    public static string RecordId(string batchId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(batchId)).AsSpan(0, 16));

    public static string DataBlobName(string systemId, DateTimeOffset arrivedAt, string recordId) =>
        $"{PrefixOf(systemId)}/{arrivedAt.UtcDateTime.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture)}/{recordId}.jsonl";

    public static string MarkerBlobName(string systemId, string recordId) => $"{MarkerRoot}/{systemId}/{recordId}";

    public async Task<bool> AppendAsync(string systemId, PushedBatch batch, DateTimeOffset recordTime, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(systemId);
        ArgumentNullException.ThrowIfNull(batch);
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

        return await TryWriteDataAsync(dataName, record, cancellationToken);
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
            if (await Container.GetBlobClient(dataName).ExistsAsync(cancellationToken))
            {
                return false;
            }

            if (!IsStale(dataName, arrivedAt))
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

    /// <summary>Whether the hour folder of <paramref name="dataName"/> started so long ago that the reader may have closed it.</summary>
    private static bool IsStale(string dataName, DateTimeOffset now)
    {
        var parts = dataName.Split('/');
        var folder = string.Join('/', parts[^5..^1]);
        return !DateTime.TryParseExact(folder, "yyyy/MM/dd/HH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            || now - new DateTimeOffset(start, TimeSpan.Zero) > TimeSpan.FromHours(1) + ReusableFolderAge;
    }

    /// <summary>Whether the system has any pushed record (a system without other telemetry is pulled only then).</summary>
    public async Task<bool> HasPushesAsync(string systemId, CancellationToken cancellationToken = default)
    {
        await foreach (var page in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = PrefixOf(systemId) + "/" }, cancellationToken).AsPages(pageSizeHint: 1))
        {
            return page.Values.Count > 0;
        }

        return false;
    }
}
