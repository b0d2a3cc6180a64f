namespace GapMonitor.Web.Pages;

/// <summary>
/// The fleet page's query string as the page received it (filters, sort, page size), so its links keep what is not
/// changed: a sort header keeps the filters, the next-page link keeps filters and sort.
/// </summary>
public sealed record FleetQueryText(string? Vendor, string? Customer, string? Owner, string? State, string Sort, string Dir, int? Limit)
{
    public const string DefaultSort = "lapsed";

    /// <summary>The columns one may sort by; <see cref="DefaultSort"/> puts lapsed systems first.</summary>
    public static readonly IReadOnlyList<string> Sorts = [DefaultSort, "name", "vendor", "customer", "owner", "monitoring", "heartbeat", "alerts", "score"];

    /// <summary>This page again sorted by <paramref name="sort"/>: ascending, or descending when it is already sorted ascending by it.</summary>
    public string SortLink(string sort) =>
        Link(sort, sort == Sort && Dir == "asc" ? "desc" : "asc", cursor: null);

    public string NextLink(string cursor) => Link(Sort, Dir, cursor);

    /// <summary>The <c>aria-sort</c> of a column header: set on the sorted column only.</summary>
    public string? AriaSort(string sort) => sort == Sort ? (Dir == "asc" ? "ascending" : "descending") : null;

    private string Link(string sort, string dir, string? cursor)
    {
        var parts = new List<string>();
        Add(parts, "vendor", Vendor);
        Add(parts, "customer", Customer);
        Add(parts, "owner", Owner);
        Add(parts, "state", State);
        Add(parts, "sort", sort);
        Add(parts, "dir", dir);
        Add(parts, "limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "cursor", cursor);
        return Layout.ConsoleLinks.Fleet + "?" + string.Join("&", parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
