namespace GapMonitor.Core.Audit;

/// <summary>Actors that are not API callers.</summary>
public static class Actors
{
    public const string Sweep = "system:sweep";
    public const string Delivery = "system:delivery";
}
