namespace GapMonitor.Core.Systems;

public static class Parties
{
    /// <summary>Both parties, customer first: notices and alerts that go to everyone at once.</summary>
    public static readonly IReadOnlyList<Party> Both = [Party.Customer, Party.Vendor];
}
