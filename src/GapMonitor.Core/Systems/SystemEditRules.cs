using GapMonitor.Core.Keys;

namespace GapMonitor.Core.Systems;

/// <summary>
/// Who may change what of a system with a merge patch (API.md "Self-service"): admin any field; a vendor any field,
/// but its <c>contacts</c> replace the vendor's contacts only; a customer only its own party's contacts, which replace
/// the customer's contacts and leave the vendor's as they are.
/// </summary>
public static class SystemEditRules
{
    /// <summary>The one top-level field of the system body a customer may change.</summary>
    public const string CustomerEditableField = "contacts";

    /// <summary>
    /// The first field <paramref name="principal"/> may not change, or null when it may make the change: the top-level
    /// fields the change names, and the party of each contact it sends (null where the contact names none).
    /// </summary>
    public static string? RefusedField(Principal principal, IEnumerable<string> changedFields, IReadOnlyList<string?> contactParties)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(changedFields);
        ArgumentNullException.ThrowIfNull(contactParties);
        if (principal.Role == Role.Admin)
        {
            return null;
        }

        if (principal.Role is not (Role.Vendor or Role.Customer))
        {
            return changedFields.FirstOrDefault() ?? CustomerEditableField;
        }

        if (principal.Role == Role.Customer
            && changedFields.FirstOrDefault(f => !string.Equals(f, CustomerEditableField, StringComparison.Ordinal)) is { } other)
        {
            return other;
        }

        // Each party's patch replaces that party's contacts only (the vendor sees only the host of the customer's
        // webhooks, so it could not send them back); the other party's contacts are not its to send.
        var own = principal.Role == Role.Vendor ? "vendor" : "customer";
        for (var i = 0; i < contactParties.Count; i++)
        {
            if (!string.Equals(contactParties[i], own, StringComparison.Ordinal))
            {
                return $"contacts[{i}].party";
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="replacement"/> as the contacts of <paramref name="party"/>, followed by the other party's contacts
    /// exactly as they were (so a field named by index in <paramref name="replacement"/> keeps its index).
    /// </summary>
    public static IReadOnlyList<T> ReplaceContactsOf<T>(Party party, IEnumerable<T> existing, Func<T, Party?> partyOf, IEnumerable<T> replacement)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(partyOf);
        ArgumentNullException.ThrowIfNull(replacement);
        return [.. replacement, .. existing.Where(c => partyOf(c) != party)];
    }

    /// <summary>
    /// The signing secret a webhook contact keeps when a change sends it without one: that of the stored contact of the
    /// same party with the same URL; null when there is none (then a secret is required).
    /// </summary>
    public static string? KeptSecret(IEnumerable<Contact>? existing, Party party, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return existing?.FirstOrDefault(c => c.Party == party && c.Webhook is { } w && string.Equals(w.Url.AbsoluteUri, url.AbsoluteUri, StringComparison.Ordinal))?.Webhook!.Secret;
    }
}
