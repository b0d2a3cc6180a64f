namespace GapMonitor.Core.Systems;

public enum Party
{
    Vendor,
    Customer,
}
