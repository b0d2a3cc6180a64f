using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// A system's telemetry state: a small JSON document (<c>{systemId}/state.json</c>, replaced with If-Match, or
/// If-None-Match: * when new) naming one binary blob per open or closing window (<c>{systemId}/windows/…</c>).
/// A save writes only the windows whose content changed since they were read, each copy-on-write under a new name (the
/// document's generation and a random tail), then the document pointing at them: the checkpoints and the windows commit
/// together with the document. A conflicting save deletes the blobs it wrote; a successful one deletes the blobs the
/// previous document named and the new one no longer does. A crash between the two leaves unnamed blobs and the old
/// document intact. All open windows are read in parallel with the document: folding is synchronous and touches any
/// window a row's time falls in, and the windows open at once are few (the bound is <see cref="TelemetryState.MaxOpenWindows"/>).
/// A window is decoded only when the update uses it (<see cref="OpenWindow.Deferred"/>); one never decoded is unchanged,
/// so a save neither encodes nor writes it.
/// </summary>
public sealed partial class BlobTelemetryStateStore(TelemetryBlobs blobs) : ITelemetryStateStore
{
    /// <summary>A concurrent save may delete the window blobs a document named between reading it and them: read again.</summary>
    private const int ReadAttempts = 5;

    /// <summary>What each state read had stored, so a save knows which windows are unchanged and which blobs it replaces.</summary>
    private static readonly ConditionalWeakTable<TelemetryState, Stored> KnownStates = [];

    public async Task<(TelemetryState? State, string? ETag)> GetAsync(string systemId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var blob = blobs.State.GetBlobClient(DocumentName(systemId));
            BinaryData content;
            ETag etag;
            try
            {
                var download = await blob.DownloadContentAsync(cancellationToken);
                (content, etag) = (download.Value.Content, download.Value.Details.ETag);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return (null, null);
            }

            var document = TelemetryStateJson.Read(content);
            var names = document.WindowBlobs.ToList();
            var windows = await Task.WhenAll(names.Select(name => ReadWindowAsync(name, cancellationToken)));
            if (windows.Any(w => w is null) && attempt < ReadAttempts)
            {
                continue;
            }

            var loaded = new Dictionary<string, OpenWindow>(StringComparer.Ordinal);
            var stored = new Stored(document.Generation, names);
            for (var i = 0; i < names.Count; i++)
            {
                var (window, hash) = windows[i] ?? throw new RequestFailedException(404, $"The drift window blob {names[i]} of {systemId} is missing.");
                loaded[names[i]] = window;
                stored.Windows.Add(window, (names[i], hash));
            }

            var state = document.ToState(loaded);
            KnownStates.AddOrUpdate(state, stored);
            return (state, etag.ToString());
        }
    }

    public async Task SaveAsync(string systemId, TelemetryState state, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var previous = KnownStates.TryGetValue(state, out var read) ? read : new Stored(0, []);
        var generation = previous.Generation + 1;
        var next = new Stored(generation, []);
        var toWrite = new List<(string Name, byte[] Content)>();
        foreach (var (start, window) in state.Windows.Select(w => (w.Key, w.Value)).Concat(state.Closing.Select(c => (c.Start, c.Window))))
        {
            var known = previous.Windows.TryGetValue(window, out var was);
            if (known && !window.IsDecoded)
            {
                // Never decoded, so never changed: the blob it was read from stays.
                next.Windows[window] = was;
                next.Names.Add(was.Name);
                continue;
            }

            var content = WindowBlobCodec.Serialize(window);
            var hash = SHA256.HashData(content);
            string name;
            if (known && was.Hash.AsSpan().SequenceEqual(hash))
            {
                name = was.Name;
            }
            else
            {
                name = WindowName(systemId, start, generation);
                toWrite.Add((name, content));
            }

            next.Windows[window] = (name, hash);
            next.Names.Add(name);
        }

        var written = new List<string>();
        try
        {
            await Task.WhenAll(toWrite.Select(async w =>
            {
                await blobs.State.GetBlobClient(w.Name).UploadAsync(
                    new BinaryData(w.Content), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
                lock (written)
                {
                    written.Add(w.Name);
                }
            }));
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await DeleteAsync(written, CancellationToken.None);
            throw;
        }

        try
        {
            var conditions = etag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(etag) };
            var document = TelemetryStateJson.Serialize(state, generation, window => next.Windows[window].Name);
            await blobs.State.GetBlobClient(DocumentName(systemId)).UploadAsync(new BinaryData(document), new BlobUploadOptions { Conditions = conditions }, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The write may have landed with its answer lost (the client's retry then meets its own ETag): only blobs the
            // stored document does not name may go, and a document naming ours means this save succeeded.
            var named = await NamedWindowBlobsAsync(systemId);
            if (named is null || !written.Any(named.Contains))
            {
                await DeleteAsync(named is null ? [] : written.Where(n => !named.Contains(n)), CancellationToken.None);
                throw ex is RequestFailedException { Status: 409 or 412 } conflict
                    ? new ConcurrencyConflictException($"Telemetry state of {systemId} changed concurrently.", conflict)
                    : ex;
            }
        }

        KnownStates.AddOrUpdate(state, next);
        await DeleteAsync(previous.Names.Where(n => !next.Names.Contains(n)), CancellationToken.None);
    }

    internal static string DocumentName(string systemId) => $"{systemId}/state.json";

    /// <summary>The window blobs the stored document names now; null when it cannot be read (then nothing is deleted).</summary>
    private async Task<HashSet<string>?> NamedWindowBlobsAsync(string systemId)
    {
        try
        {
            var content = await blobs.State.GetBlobClient(DocumentName(systemId)).DownloadContentAsync(CancellationToken.None);
            return [.. TelemetryStateJson.Read(content.Value.Content).WindowBlobs];
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
        catch (Exception ex) when (ex is RequestFailedException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    internal static string WindowsPrefix(string systemId) => $"{systemId}/windows/";

    /// <summary>
    /// Whether a blob under <see cref="WindowsPrefix"/> is one of this store's window blobs: another store's blob can
    /// share the prefix (a system named <c>pending-predictions</c> against the pending predictions of one named <c>windows</c>).
    /// </summary>
    internal static bool IsWindowBlobName(string systemId, string name) =>
        name.StartsWith(WindowsPrefix(systemId), StringComparison.Ordinal)
        && WindowFileName.IsMatch(name.AsSpan(WindowsPrefix(systemId).Length));

    private static string WindowName(string systemId, DateTimeOffset start, long generation) => string.Create(
        CultureInfo.InvariantCulture,
        $"{WindowsPrefix(systemId)}{start.UtcDateTime:yyyyMMdd'T'HHmmss}-g{generation}-{Guid.NewGuid():N}.bin");

    private async Task<(OpenWindow Window, byte[] Hash)?> ReadWindowAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await blobs.State.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            WindowBlobCodec.CheckFormat(content);
            return (OpenWindow.Deferred(() => WindowBlobCodec.Deserialize(content)), SHA256.HashData(content));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Best effort: a blob left behind is unnamed garbage, never state.</summary>
    private async Task DeleteAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(names.Select(n => blobs.State.GetBlobClient(n).DeleteIfExistsAsync(cancellationToken: cancellationToken)));
        }
        catch (RequestFailedException)
        {
        }
    }

    private sealed class Stored(long generation, IEnumerable<string> names)
    {
        public long Generation { get; } = generation;

        public HashSet<string> Names { get; } = new(names, StringComparer.Ordinal);

        public Dictionary<OpenWindow, (string Name, byte[] Hash)> Windows { get; } = new(ReferenceEqualityComparer.Instance);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{8}T[0-9]{6}-g[0-9]+-[0-9a-f]{32}\\.bin$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WindowFileName { get; }
}
