namespace GapMonitor.Core.ActionLinks;

public enum ActionLinkPageKind
{
    /// <summary>What the action will do, with the one button that does it (GET of a link whose action changes something).</summary>
    Confirm,

    /// <summary>The action was done just now.</summary>
    Done,

    /// <summary>The link was used before; nothing changed this time.</summary>
    AlreadyDone,

    /// <summary>Read-only information (the status link; an alert that needs nothing any more).</summary>
    Information,

    /// <summary>An altered or unknown link, a target that no longer exists, or an action this service does not offer: 404.</summary>
    NotFound,

    /// <summary>A genuine link past its expiry: 410.</summary>
    Expired,
}
