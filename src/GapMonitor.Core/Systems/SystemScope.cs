using GapMonitor.Core.Keys;
using GapMonitor.Core.Ports;

namespace GapMonitor.Core.Systems;

/// <summary>
/// Finds a system by id within what a principal may see. A system outside the scope is not found, exactly like one that
/// does not exist, so no id of another tenant can be probed.
/// </summary>
public sealed class SystemScope(ISystemStore store)
{
    /// <param name="known">The system as the caller already read it (authentication may have), used instead of reading again when it is this one.</param>
    public async Task<SystemWithAlerts?> FindAsync(Principal principal, string id, SystemWithAlerts? known = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(id);
        if (!SystemIds.IsValid(id))
        {
            return null;
        }

        var found = known is not null && known.System.Id == id ? known : await store.GetAsync(id, cancellationToken);
        return found is not null && principal.CanSee(found.System) ? found : null;
    }
}
