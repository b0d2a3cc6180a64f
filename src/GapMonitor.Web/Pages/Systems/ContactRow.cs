namespace GapMonitor.Web.Pages.Systems;

/// <summary>A contact as the viewer may see it: a webhook's URL only to the party that owns it and to admins, else its host.</summary>
public sealed record ContactRow(string Party, string? Email, string? Webhook);
