namespace GapMonitor.Core.ActionLinks;

/// <summary>What an <c>/act/{token}</c> page says; the HTTP layer renders it.</summary>
public sealed record ActionLinkPage(ActionLinkPageKind Kind, string Title, string Message)
{
    public IReadOnlyList<ActionLinkFact> Facts { get; init; } = [];

    /// <summary>Listed below the facts, e.g. the system's open alerts.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>The label of the one button that POSTs to the link; only on <see cref="ActionLinkPageKind.Confirm"/>.</summary>
    public string? Button { get; init; }

    public static ActionLinkPage NotFound() =>
        new(ActionLinkPageKind.NotFound, "Link not found", "This link is not valid. It may have been altered or shortened; open the link from the original message.");

    public static ActionLinkPage Expired() =>
        new(ActionLinkPageKind.Expired, "Link expired", $"This link has expired: links work for {ActionLinkSettings.Lifetime.TotalDays:0} days after the message that carried them. Use a more recent message, or the API.");

    public static ActionLinkPage Unavailable(string action) =>
        new(ActionLinkPageKind.NotFound, "Action not available", $"The action '{action}' is not available on this service.");
}
