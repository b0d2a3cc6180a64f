namespace GapMonitor.Core.Keys;

public enum Role
{
    Admin,
    Vendor,
    Customer,
    Ingest,
}
