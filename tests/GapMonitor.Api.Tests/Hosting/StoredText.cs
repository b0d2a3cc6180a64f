using System.Text;
using Azure.Data.Tables;

namespace GapMonitor.Api.Tests.Hosting;

/// <summary>Everything a test host has stored in its tables, as text (strings as they are, binary values decoded as UTF-8), to look for secrets.</summary>
internal static class StoredText
{
    public static async Task<string> AllTablesAsync(ApiTestHost host)
    {
        var service = new TableServiceClient(host.StorageConnection);
        var text = new StringBuilder();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(host.TablePrefix) >= 0 && t.Name.CompareTo(host.TablePrefix + "~") < 0))
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                text.Append(row.PartitionKey).Append('|').Append(row.RowKey).Append('|');
                foreach (var value in row.Select(p => p.Value))
                {
                    text.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
