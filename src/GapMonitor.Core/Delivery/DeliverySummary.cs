namespace GapMonitor.Core.Delivery;

/// <param name="SystemsFailed">Systems whose delivery broke off with an error (logged); their notifications stay due.</param>
public sealed record DeliverySummary(int Delivered, int Retrying, int Failed, int SkippedConcurrent, int SystemsFailed = 0);
