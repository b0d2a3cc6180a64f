using GapMonitor.Core.Telemetry.Sources;

namespace GapMonitor.Core.Ports;

/// <summary>The admin's list, per customer, of telemetry sources the service may read with its own identity.</summary>
public interface ICustomerSourceStore
{
    Task<CustomerSources?> GetAsync(string customer, CancellationToken cancellationToken = default);

    /// <summary>Replaces the customer's list.</summary>
    Task PutAsync(CustomerSources sources, CancellationToken cancellationToken = default);
}
