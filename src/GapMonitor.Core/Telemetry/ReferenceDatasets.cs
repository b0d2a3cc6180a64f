using System.Globalization;
using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Telemetry;

/// <summary>Uploads a new reference dataset and switches the system over to it once it is stored and profiled.</summary>
public sealed class ReferenceDatasets(IReferenceUploader uploader, ISystemStore store, IdGenerator ids, TimeProvider timeProvider)
{
    /// <exception cref="ReferenceFormatException">The content could not be read; the system keeps its previous reference.</exception>
    public async Task<ReferenceUpload> UploadAsync(MonitoredSystem system, string actor, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var now = timeProvider.GetUtcNow();
        var version = NewVersion(now, ids.NewId());
        var upload = await uploader.UploadAsync(system.Id, version, contentType, content, cancellationToken);
        var audit = $"{version}: {upload.Rows} rows, {upload.Columns.Count} columns";

        // A heartbeat may change the system meanwhile: the switch-over then runs again on the fresh copy.
        await ConflictRetry.RunAsync(async () =>
        {
            var current = (await store.GetAsync(system.Id, cancellationToken))!.System;
            var updated = current with { Signals = current.Signals with { ReferenceVersion = version } };
            return await store.UpdateAsync(updated, new AuditEntry(ids.NewId(), system.Id, now, actor, "reference.uploaded", Detail: audit), cancellationToken);
        });
        return upload;
    }

    /// <summary>Sortable by upload time, unique by the id's tail.</summary>
    internal static string NewVersion(DateTimeOffset now, string id) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + id[^8..];
}
