using System.Security.Cryptography;
using System.Text;

namespace GapMonitor.Core.Keys;

/// <summary>
/// Keys are <c>gm_{id}_{secret}</c> (role keys) or <c>gmi_{systemId}_{secret}</c> (ingest keys), secrets 256 random bits in hex.
/// The id makes lookup one point read; SHA-256 is enough for keys with this much entropy (no password stretching needed).
/// </summary>
public static class ApiKeyFormat
{
    public const string RolePrefix = "gm_";
    public const string IngestPrefix = "gmi_";

    public static string NewKeyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string NewRoleKey(string keyId) => $"{RolePrefix}{keyId}_{NewSecret()}";

    public static string NewIngestKey(string systemId) => $"{IngestPrefix}{systemId}_{NewSecret()}";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        var actual = Encoding.ASCII.GetBytes(Hash(key));
        var expected = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The id part of a role key (<c>gm_{id}_…</c>) or the system id of an ingest key.</summary>
    public static (Role? Kind, string? Id) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (prefix, kind) = key.StartsWith(IngestPrefix, StringComparison.Ordinal)
            ? (IngestPrefix, (Role?)Role.Ingest)
            : key.StartsWith(RolePrefix, StringComparison.Ordinal) ? (RolePrefix, (Role?)Role.Admin) : (null, null);
        if (prefix is null)
        {
            return (null, null);
        }

        var separator = key.LastIndexOf('_');
        return separator <= prefix.Length ? (null, null) : (kind, key[prefix.Length..separator]);
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
