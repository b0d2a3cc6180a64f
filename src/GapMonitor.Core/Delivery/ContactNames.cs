using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Delivery;

/// <summary>
/// How a contact target (an email address, or a webhook URL) is shown to people: the address, or the webhook's host
/// only, since a webhook URL may carry a token in its path or query.
/// </summary>
public static class ContactNames
{
    public static string Of(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Uri.TryCreate(target, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url.Host
            : target;
    }

    /// <summary>The targets a system's contacts have now: email addresses and webhook URLs (as notifications carry them).</summary>
    public static IReadOnlySet<string> TargetsOf(MonitoredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contact in system.Contacts)
        {
            if (contact.Email is { } email)
            {
                targets.Add(email);
            }

            if (contact.Webhook is { } webhook)
            {
                targets.Add(webhook.Url.AbsoluteUri);
            }
        }

        return targets;
    }

    /// <summary>The contacts of <paramref name="parties"/> with their unreachable channels left out (a contact with none left is dropped).</summary>
    public static IEnumerable<Contact> ReachableOf(MonitoredSystem system, IEnumerable<Party> parties)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(parties);
        var unreachable = system.Signals.UnreachableContacts;
        foreach (var contact in parties.Distinct().SelectMany(system.ContactsOf))
        {
            var reachable = contact with
            {
                Email = contact.Email is { } email && unreachable.Contains(email, StringComparer.Ordinal) ? null : contact.Email,
                Webhook = contact.Webhook is { } webhook && unreachable.Contains(webhook.Url.AbsoluteUri, StringComparer.Ordinal) ? null : contact.Webhook,
            };
            if (reachable.Email is not null || reachable.Webhook is not null)
            {
                yield return reachable;
            }
        }
    }
}
