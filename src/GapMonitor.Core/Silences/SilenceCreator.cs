namespace GapMonitor.Core.Silences;

/// <summary>Which side created a silence: the other side is told.</summary>
public enum SilenceCreator
{
    Vendor,
    Customer,
    Admin,
}
