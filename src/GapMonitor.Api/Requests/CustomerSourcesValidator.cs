using GapMonitor.Api.Contracts;
using GapMonitor.Core.Telemetry.Sources;

namespace GapMonitor.Api.Requests;

/// <summary>Checks the admin's source list for a customer field by field.</summary>
internal static class CustomerSourcesValidator
{
    private const int MaxEntries = 100;

    public static CustomerSources? Build(Validation v, string customer, CustomerSourcesRequest request, bool allowPlainHttp, DateTimeOffset now, string by)
    {
        var containers = new List<Uri>();
        foreach (var (text, i) in Entries(v, "containers", request.Containers))
        {
            var field = $"containers[{i}]";
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || !(uri.Scheme == Uri.UriSchemeHttps || (allowPlainHttp && uri.Scheme == Uri.UriSchemeHttp))
                || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment) || uri.AbsolutePath.Trim('/').Length == 0)
            {
                v.Add(field, "An absolute https URL of a blob container, such as https://acct.blob.core.windows.net/azureml.");
            }
            else if (!string.IsNullOrEmpty(uri.Query))
            {
                v.Add(field, "Without a query: listed containers are read with GapMonitor's own identity (a SAS belongs in the system's containerUri instead).");
            }
            else
            {
                containers.Add(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/')));
            }
        }

        var workspaces = new List<Guid>();
        foreach (var (text, i) in Entries(v, "workspaces", request.Workspaces))
        {
            if (Guid.TryParse(text, out var id) && id != Guid.Empty)
            {
                workspaces.Add(id);
            }
            else
            {
                v.Add($"workspaces[{i}]", "A Log Analytics workspace (customer) id, a GUID.");
            }
        }

        List<string>? vendors = null;
        if (request.Vendors is not null)
        {
            vendors = [];
            foreach (var (text, i) in Entries(v, "vendors", request.Vendors))
            {
                if (SystemRequestValidator.TenantIdPattern().IsMatch(text))
                {
                    vendors.Add(text);
                }
                else
                {
                    v.Add($"vendors[{i}]", "A vendor id: 1–63 characters of a–z, 0–9 and '-'.");
                }
            }
        }

        return v.IsValid
            ? new CustomerSources(customer, [.. containers.DistinctBy(ContainerAddress.Normalize)], [.. workspaces.Distinct()], vendors?.Distinct(StringComparer.Ordinal).ToArray(), now, by)
            : null;
    }

    private static IEnumerable<(string Text, int Index)> Entries(Validation v, string field, IReadOnlyList<string?>? values)
    {
        if (values is null)
        {
            yield break;
        }

        if (values.Count > MaxEntries)
        {
            v.Add(field, $"At most {MaxEntries} entries.");
            yield break;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]) || values[i]!.Length > 2048)
            {
                v.Add($"{field}[{i}]", "A non-empty string of at most 2048 characters.");
                continue;
            }

            yield return (values[i]!, i);
        }
    }
}
