namespace GapMonitor.Infrastructure.Telemetry;

internal static class ReferenceNames
{
    public static string Data(string systemId, string version) => $"{systemId}/{version}.data";

    public static string Profile(string systemId, string version) => $"{systemId}/{version}.profile.json";
}
