namespace GapMonitor.Infrastructure.Telemetry;

internal static class ReferenceNames
{
    public static string Data(string systemId, string version) => $"{systemId}/{version}.data";

    /// <summary>The reference profile in <see cref="Drift.Profiles.ProfileBinary"/> form, written at upload.</summary>
    public static string Profile(string systemId, string version) => $"{systemId}/{version}.profile.bin";

    /// <summary>The JSON profile of references uploaded before the binary form: read (and converted) when the binary one is missing.</summary>
    public static string JsonProfile(string systemId, string version) => $"{systemId}/{version}.profile.json";
}
