namespace GapMonitor.Web.Pages.Systems;

/// <summary>A notification's fate, its target shown as an address or a webhook host.</summary>
public sealed record DeliveryRow(string Type, string Party, string Channel, string To, string State, int Attempts, DateTimeOffset CreatedAt, string? LastError);
