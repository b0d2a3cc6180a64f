namespace GapMonitor.Core.Notifications;

public enum EmailDeliveryMode
{
    Smtp,
    PickupDirectory,
    NotConfigured,
}
