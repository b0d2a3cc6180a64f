namespace GapMonitor.Api.Tests.Fuzz;

/// <summary>The keys and ids the fuzzer aims at.</summary>
internal sealed record FuzzTenants(
    string Admin,
    string Vendor,
    string OtherVendor,
    string Customer,
    string OtherCustomer,
    string Revoked,
    IReadOnlyList<string> IngestKeys,
    IReadOnlyList<string> SystemIds,
    IReadOnlyList<string> AlertIds,
    IReadOnlyList<string> KeyIds);
