using GapMonitor.Core.Performance;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Core.Telemetry;

/// <summary>
/// The profile of one drift window still open, with the model versions its records reported. A window read from
/// storage may be <see cref="Deferred"/>: decoded only when first used, so an update that brings it no rows neither
/// decodes it nor (the store knows it is unchanged) encodes it again.
/// </summary>
public sealed class OpenWindow
{
    /// <summary>Distinct model versions counted per window; records of further versions count under <see cref="OtherVersions"/>.</summary>
    public const int MaxModelVersions = 100;

    public const string OtherVersions = "(other)";

    private Func<OpenWindow>? _decode;
    private DatasetProfile _profile;
    private WindowPredictions? _predictions;
    private Dictionary<string, long> _modelVersions = new(StringComparer.Ordinal);

    public OpenWindow(DatasetProfile profile)
    {
        _profile = profile;
    }

    private OpenWindow(Func<OpenWindow> decode)
    {
        _decode = decode;
        _profile = null!;
    }

    /// <summary>False until a deferred window's content is first used.</summary>
    public bool IsDecoded => _decode is null;

    public DatasetProfile Profile
    {
        get => Decoded()._profile;
        set => Decoded()._profile = value;
    }

    /// <summary>Model outputs kept for performance (systems with <c>performance</c> settings); null when the window saw none.</summary>
    public WindowPredictions? Predictions
    {
        get => Decoded()._predictions;
        set => Decoded()._predictions = value;
    }

    public Dictionary<string, long> ModelVersions
    {
        get => Decoded()._modelVersions;
        init => _modelVersions = value;
    }

    /// <summary>A window whose content <paramref name="decode"/> gives when first used (once).</summary>
    public static OpenWindow Deferred(Func<OpenWindow> decode) => new(decode);

    public void CountModelVersion(string version, long count)
    {
        ArgumentNullException.ThrowIfNull(version);
        var key = ModelVersions.ContainsKey(version) || ModelVersions.Count < MaxModelVersions ? version : OtherVersions;
        ModelVersions[key] = ModelVersions.GetValueOrDefault(key) + count;
    }

    private OpenWindow Decoded()
    {
        if (_decode is { } decode)
        {
            var content = decode();
            _profile = content._profile;
            _predictions = content._predictions;
            _modelVersions = content._modelVersions;
            _decode = null;
        }

        return this;
    }
}
