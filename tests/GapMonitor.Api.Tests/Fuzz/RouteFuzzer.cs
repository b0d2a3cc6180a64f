using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace GapMonitor.Api.Tests.Fuzz;

/// <summary>
/// Seeded generator of odd requests for any route template: odd ids, odd keys, odd bodies, odd queries and headers,
/// mixed with well-formed ones so the handlers get past authentication and validation into storage.
/// </summary>
internal sealed class RouteFuzzer(int seed, FuzzTenants tenants, DateTimeOffset now, Uri container)
{
    private static readonly string[] OddIds =
    [
        "", "..", ".", "%2F", "a%2Fb", "a%00b", "'", "' or ''='", "a%27b", "%25", "%ff", "%C3%A9t%C3%A9", "~", "-", "a b", "a%20b",
        "null", "sys-000000000000", "CON", "aux", "acme-churn%0A", "Z", "x%0Ay", "%7B%7D", "a#b", "a?b=1", "sys_1", new string('x', 63), new string('x', 64),
        new string('a', 300), "0000000000000000", "system", "active-x", "alert-", "%E2%80%AE", "a%5Cb", "%3Cscript%3E",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\u202e", "é", "💥", "' or 1 eq 1", "\"", "\\", "<x>", "a&b=c", "%00", "\r\n", new string('x', 5000),
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2100-01-01T00:00:00Z", "-P1D", "PT0S", "P0D", "P99999999D", "P3651D", "PT1S",
        "P1Y", "vendor", "customer", "admin", "ingest", "ok", "fail", "https://hooks.example/x", "http://127.0.0.1:9/x", "whsec_", "NaN",
    ];

    private static readonly string[] OddQueries =
    [
        "at=2100-01-01T00:00:00Z", "at=garbage", "at=9999-12-31T23:59:59Z", "at=0001-01-01T00:00:00Z", "at=", "state=open", "state=%00",
        "kind=monitoring-silent", "kind=x%27", "systemId=%27", "systemId=acme-churn", "systemId=" + new string('a', 500), "from=x", "to=2100-01-01",
        "from=9999-12-31T23:59:59Z&to=0001-01-01T00:00:00Z", "max=-1", "max=99999999999", "name=%00", "batchId=a%2Fb", "batchId=" + new string('b', 300),
        "modelVersion=" + new string('m', 200), "at=2026-11-26T08:00:00Z&at=2026-11-27T08:00:00Z", "%%%", "a=b=c", "state=open&state=resolved", "limit=0", "limit=1001", "limit=1", "cursor=abc", "cursor=%00", "to=0001-01-01T00:00:00Z",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/csv", "application/x-ndjson", "text/plain", "application/xml",
        "application/json; charset=latin1", "multipart/form-data; boundary=x", "garbage", "",
    ];

    private readonly Random _random = new(seed);

    public FuzzRequest Next((string Method, string Path) route)
    {
        var method = Chance(0.93) ? route.Method : Pick(["GET", "POST", "PUT", "DELETE", "PATCH"]);
        var path = ExpandPath(route.Path);
        if (Chance(0.25))
        {
            path += "?" + string.Join("&", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Pick(OddQueries)));
        }

        var (key, inHeader) = Key(route.Path);
        var (body, contentType) = Body(route.Path);
        var headers = new List<(string, string)>();
        if (Chance(0.2))
        {
            headers.Add(("Idempotency-Key", Pick(["k-1", "k-2", "k-" + _random.Next(5), new string('i', 201), "é", " "])));
        }

        if (method == "PUT" || Chance(0.05))
        {
            headers.Add(("If-Match", Pick(["*", "*", "W/\"datetime'2026-11-26T08%3A00%3A00Z'\"", "\"x\"", "", "*, *"])));
        }

        return new FuzzRequest(method, path, key, inHeader, body, contentType, headers);
    }

    private string ExpandPath(string template)
    {
        var path = template;
        while (path.IndexOf('{', StringComparison.Ordinal) is var start and >= 0)
        {
            var end = path.IndexOf('}', start);
            var name = path[(start + 1)..end];
            path = path[..start] + Id(name, template) + path[(end + 1)..];
        }

        return path;
    }

    private string Id(string parameter, string template)
    {
        if (Chance(0.35))
        {
            return Pick(OddIds);
        }

        return template switch
        {
            _ when template.Contains("alerts/", StringComparison.Ordinal) => Pick([.. tenants.AlertIds, "sys-x-alert"]),
            _ when template.Contains("keys/", StringComparison.Ordinal) => Pick([.. tenants.KeyIds, "0123456789abcdef"]),
            _ when parameter == "customer" => Pick(["acme", "globex", "nobody"]),
            _ => Pick([.. tenants.SystemIds, "fuzz-" + _random.Next(40).ToString(CultureInfo.InvariantCulture)]),
        };
    }

    private (string? Key, bool InApiKeyHeader) Key(string template)
    {
        var key = _random.Next(12) switch
        {
            0 => null,
            1 => OddKey(),
            2 => tenants.Revoked,
            3 or 4 => tenants.Admin,
            5 or 6 => tenants.Vendor,
            7 => tenants.OtherVendor,
            8 => tenants.Customer,
            9 => tenants.OtherCustomer,
            _ => template.Contains("{id}", StringComparison.Ordinal) ? Pick([.. tenants.IngestKeys]) : tenants.Vendor,
        };
        return (key, Chance(0.15));
    }

    private string OddKey()
    {
        var hex = Convert.ToHexStringLower(BitConverter.GetBytes(_random.NextInt64())) + new string('0', 48);
        return Pick(
        [
            "gm_a/b#c?d_" + hex, "gm_' or ''='_" + hex, "gm_" + new string('a', 300) + "_" + hex, "gmi_acme-churn_" + hex, "gmi_../x_" + hex,
            "gm__", "gm_", "gmi_", "Bearer", "x", new string('k', 2000), "gm_0123456789abcdef_" + hex.ToUpperInvariant(), "gmi_" + Pick(OddIds) + "_" + hex,
            "gm_%00_" + hex, "gm_0123456789abcdef_" + hex + "_",
        ]);
    }

    private (byte[]? Body, string? ContentType) Body(string template)
    {
        if (Chance(0.06))
        {
            return (null, null);
        }

        var contentType = Chance(0.12) ? Pick(ContentTypes) : template.EndsWith("/reference", StringComparison.Ordinal) ? Pick(["text/csv", "application/x-ndjson"]) : "application/json";
        if (Chance(0.1))
        {
            return (RawOddBody(), contentType);
        }

        if (template.EndsWith("/reference", StringComparison.Ordinal) && Chance(0.7))
        {
            return (Encoding.UTF8.GetBytes(contentType == "text/csv" ? OddCsv() : OddNdjson()), contentType);
        }

        if (template.EndsWith("/telemetry", StringComparison.Ordinal) && contentType == "application/x-ndjson")
        {
            return (Encoding.UTF8.GetBytes(OddNdjson()), contentType);
        }

        var node = ValidBody(template);
        var text = Chance(0.45) ? node.ToJsonString() : Mutate(node);
        return (Encoding.UTF8.GetBytes(text), contentType);
    }

    private JsonNode ValidBody(string template)
    {
        var at = now.AddMinutes(-_random.Next(0, 120)).ToString("O", CultureInfo.InvariantCulture);
        return template switch
        {
            _ when template.EndsWith("/keys", StringComparison.Ordinal) =>
                new JsonObject { ["role"] = Pick(["vendor", "customer", "admin", "ingest"]), ["vendor"] = Pick(["contoso-ml", "fabrikam-ai", "x"]), ["customer"] = "acme", ["name"] = "fuzz" },
            _ when template.EndsWith("/heartbeats", StringComparison.Ordinal) =>
                new JsonObject { ["status"] = Pick(["ok", "fail"]), ["message"] = "nightly", ["at"] = at },
            _ when template.EndsWith("/deployments", StringComparison.Ordinal) =>
                new JsonObject { ["modelVersion"] = "1." + _random.Next(9), ["at"] = at, ["environment"] = "prod", ["by"] = "ci" },
            _ when template.EndsWith("/telemetry", StringComparison.Ordinal) =>
                new JsonArray(new JsonObject { ["age"] = _random.Next(90), ["income"] = _random.NextDouble() * 1000, ["city"] = Pick(["a", "b"]) }, new JsonObject { ["age"] = 40, ["income"] = 10.5, ["city"] = "c" }),
            _ when template.EndsWith("/metrics", StringComparison.Ordinal) =>
                new JsonObject { ["batchId"] = "b" + _random.Next(20), ["metrics"] = new JsonArray(new JsonObject { ["name"] = "psi", ["value"] = _random.NextDouble(), ["at"] = at, ["feature"] = "age" }) },
            _ when template.EndsWith("/acknowledge", StringComparison.Ordinal) => new JsonObject { ["by"] = "ops", ["note"] = "seen" },
            _ when template.EndsWith("systems", StringComparison.Ordinal) || template.EndsWith("systems/{id}", StringComparison.Ordinal) => Registration(),
            _ => new JsonObject { ["containers"] = new JsonArray("https://acct.blob.core.windows.net/azureml"), ["workspaces"] = new JsonArray(Guid.Empty.ToString()) },
        };
    }

    private JsonObject Registration()
    {
        var vendor = Pick(["contoso-ml", "contoso-ml", "fabrikam-ai", "Bad Vendor"]);
        var customer = Pick(["acme", "acme", "globex"]);
        var contacts = new JsonArray(new JsonObject { ["party"] = "customer", ["email"] = $"ops@{customer}.example" });
        if (Chance(0.5))
        {
            contacts.Add(new JsonObject
            {
                ["party"] = "vendor",
                ["webhook"] = new JsonObject { ["url"] = "http://127.0.0.1:9/hook?token=t" + _random.Next(99), ["secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
            });
        }

        var body = new JsonObject
        {
            ["id"] = Chance(0.8) ? "fuzz-" + _random.Next(40).ToString(CultureInfo.InvariantCulture) : Pick(OddStrings),
            ["name"] = "Fuzz model",
            ["vendor"] = vendor,
            ["customer"] = customer,
            ["model"] = new JsonObject { ["name"] = "churn", ["version"] = "1.0" },
            ["handoverAt"] = now.AddDays(-_random.Next(-30, 60)).ToString("O", CultureInfo.InvariantCulture),
            ["vendorGracePeriod"] = Pick(["P14D", "PT0S", "P1D"]),
            ["monitoring"] = new JsonObject { ["heartbeatPeriod"] = Pick(["PT5M", "PT1H"]), ["heartbeatGrace"] = "PT2M" },
            ["acknowledgeWithin"] = "PT4H",
            ["contacts"] = contacts,
        };
        if (Chance(0.3))
        {
            body["telemetry"] = new JsonObject
            {
                ["inferenceLog"] = new JsonObject { ["containerUri"] = container.AbsoluteUri, ["prefix"] = "modelDataCollector/churn/blue/model_inputs" },
                ["driftWindow"] = Pick(["PT6H", "P1D", "P4000D"]),
            };
        }

        return body;
    }

    private string Mutate(JsonNode node)
    {
        switch (_random.Next(9))
        {
            case 0:
                return "[" + node.ToJsonString() + "]";
            case 1:
                var text = node.ToJsonString();
                return text[.._random.Next(text.Length)];
            case 2:
                return string.Concat(Enumerable.Repeat("{\"a\":", 70 + _random.Next(100))) + "1" + new string('}', 70);
            case 3 when node is JsonObject duplicated && duplicated.Count > 0:
                var first = duplicated.First();
                return "{\"" + first.Key + "\":1," + duplicated.ToJsonString()[1..];
            case 4:
                return "{\"name\":\"" + new string('x', 70 * 1024) + "\"}";
            default:
                MutateFields(node, 1 + _random.Next(3));
                return node.ToJsonString();
        }
    }

    private void MutateFields(JsonNode node, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var target = RandomObject(node);
            if (target is null || target.Count == 0)
            {
                return;
            }

            var name = target.ElementAt(_random.Next(target.Count)).Key;
            target[name] = _random.Next(8) switch
            {
                0 => null,
                1 => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
                2 => JsonValue.Create(double.MaxValue),
                3 => new JsonArray(JsonValue.Create(Pick(OddStrings))),
                4 => new JsonObject { ["x"] = Pick(OddStrings) },
                5 => JsonValue.Create(true),
                _ => JsonValue.Create(Pick(OddStrings)),
            };
        }
    }

    private JsonObject? RandomObject(JsonNode node)
    {
        var objects = new List<JsonObject>();
        Collect(node, objects);
        return objects.Count == 0 ? null : objects[_random.Next(objects.Count)];
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject o:
                objects.Add(o);
                foreach (var (_, child) in o)
                {
                    Collect(child, objects);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, objects);
                }

                break;
        }
    }

    private byte[] RawOddBody() => _random.Next(6) switch
    {
        0 => [0xff, 0xfe, 0x00, 0x7b, 0x22],
        1 => Encoding.UTF8.GetBytes("{\"a\":1e999999}"),
        2 => Encoding.UTF8.GetBytes("\uFEFF{\"status\":\"ok\"}"),
        3 => Encoding.UTF8.GetBytes("{\"status\":\"ok\" /* c */}"),
        4 => Encoding.UTF8.GetBytes("{\"status\":\"\\ud800\"}"),
        _ => [.. Enumerable.Range(0, 200).Select(_ => (byte)_random.Next(256))],
    };

    private string OddCsv() => _random.Next(5) switch
    {
        0 => "age,income\n1,2\n3,4\n",
        1 => "age,age\n1,2\n",
        2 => "\"unterminated\n1\n",
        3 => string.Join(",", Enumerable.Range(0, 1500).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture))) + "\n" + string.Join(",", Enumerable.Range(0, 1500).Select(_ => "1")) + "\n",
        _ => "a\n" + Pick(OddStrings) + "\n",
    };

    private string OddNdjson() => _random.Next(4) switch
    {
        0 => "{\"age\":1}\n{\"age\":2}\n",
        1 => "{\"age\":1,\"age\":2}\n",
        2 => "[1,2]\n{\"a\":\n",
        _ => "{\"" + Pick(OddStrings) + "\":" + (Chance(0.5) ? "1e400" : "null") + "}\n",
    };

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
