namespace GapMonitor.Core.ActionLinks;

public enum ActionLinkVerdict
{
    Valid,

    /// <summary>Not a token this service signed (altered, truncated, or signed with another key): the page is 404.</summary>
    Invalid,

    /// <summary>Signed here, but past its expiry: the page is 410.</summary>
    Expired,
}
