using System.Buffers.Binary;
using System.Text.Json;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;

namespace GapMonitor.Infrastructure.Telemetry.Pushed;

/// <summary>
/// How far a system's pushed-telemetry log has been folded (<c>TelemetryState.PushedLogCheckpoint</c>):
/// every blob that arrived at or before <see cref="SettledThrough"/> is folded, and so are the later ones in
/// <see cref="Recent"/>. Its size is bounded by the pushes of one <see cref="PushedLogReader.SettleDelay"/>, not by the
/// pushes of the hour. <see cref="Legacy"/> is the checkpoint of an earlier build (one entry per blob of the open hour
/// folders), kept while blobs named that way may still be unread.
/// </summary>
internal sealed record PushedLogCheckpoint
{
    private const int EntryBytes = sizeof(long) + 16;

    /// <summary>Tells this form from the earlier build's <see cref="InferenceLogCheckpoint"/> in the stored JSON.</summary>
    public int Version { get; init; } = 2;

    public DateTimeOffset? SettledThrough { get; init; }

    /// <summary>Blobs folded that arrived after <see cref="SettledThrough"/>, packed (<see cref="Pack"/>).</summary>
    public string? Recent { get; init; }

    public InferenceLogCheckpoint? Legacy { get; init; }

    /// <summary>
    /// A string where the earlier build reads its list of blob positions: that build fails to read this checkpoint (its
    /// pull of the system fails and writes nothing) instead of taking it for "nothing read yet" and folding every
    /// pushed blob again, should its hosts still pull beside this one during an upgrade.
    /// </summary>
    public string Blobs { get; init; } = "superseded by Version 2";

    /// <summary>Until when the <see cref="Legacy"/> checkpoint is read even when nothing is left in its open folders.</summary>
    public DateTimeOffset? LegacyUntil { get; init; }

    /// <summary>The stored form; an earlier build's checkpoint (or none yet) becomes <see cref="Legacy"/>.</summary>
    public static PushedLogCheckpoint Parse(string? stored, DateTimeOffset now, TimeSpan legacyGrace)
    {
        if (string.IsNullOrEmpty(stored))
        {
            // Nothing folded yet: an earlier build may have written blobs just before the upgrade.
            return new PushedLogCheckpoint { Legacy = new InferenceLogCheckpoint(), LegacyUntil = now + legacyGrace };
        }

        using var document = JsonDocument.Parse(stored);
        if (document.RootElement.TryGetProperty(nameof(Version), out _))
        {
            return document.RootElement.Deserialize<PushedLogCheckpoint>() ?? new PushedLogCheckpoint();
        }

        return new PushedLogCheckpoint { Legacy = document.RootElement.Deserialize<InferenceLogCheckpoint>(), LegacyUntil = now + legacyGrace };
    }

    public string Serialize() => JsonSerializer.Serialize(this);

    public IReadOnlySet<PushedBlobName> RecentNames() => Unpack(Recent);

    /// <summary>Arrival ticks (8 bytes) and record id (16 bytes) per blob, base64: about 32 characters a push.</summary>
    public static string? Pack(IEnumerable<PushedBlobName> names)
    {
        var sorted = names.OrderBy(n => n.ArrivedAt).ThenBy(n => n.RecordId, StringComparer.Ordinal).ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var bytes = new byte[sorted.Length * EntryBytes];
        for (var i = 0; i < sorted.Length; i++)
        {
            var entry = bytes.AsSpan(i * EntryBytes, EntryBytes);
            BinaryPrimitives.WriteInt64BigEndian(entry, sorted[i].ArrivedAt.UtcTicks);
            Convert.FromHexString(sorted[i].RecordId).CopyTo(entry[sizeof(long)..]);
        }

        return Convert.ToBase64String(bytes);
    }

    private static HashSet<PushedBlobName> Unpack(string? packed)
    {
        var names = new HashSet<PushedBlobName>();
        if (string.IsNullOrEmpty(packed))
        {
            return names;
        }

        var bytes = Convert.FromBase64String(packed);
        for (var offset = 0; offset + EntryBytes <= bytes.Length; offset += EntryBytes)
        {
            var entry = bytes.AsSpan(offset, EntryBytes);
            var arrived = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(entry), TimeSpan.Zero);
            names.Add(new PushedBlobName(arrived, Convert.ToHexStringLower(entry[sizeof(long)..])));
        }

        return names;
    }
}
