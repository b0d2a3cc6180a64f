using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GapMonitor.Core.Keys;

/// <summary>
/// Keys are <c>gm_{id}_{secret}</c> (role keys) or <c>gmi_{systemId}_{secret}</c> (ingest keys), secrets 256 random bits in hex.
/// The id makes lookup one point read; SHA-256 is enough for keys with this much entropy (no password stretching needed).
/// </summary>
public static partial class ApiKeyFormat
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

    /// <summary>
    /// The id part of a role key (<c>gm_{id}_…</c>) or the system id of an ingest key, only when the whole key has the
    /// exact shape this class issues; anything else (any other character or length) is no key.
    /// </summary>
    public static (Role? Kind, string? Id) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (RoleKeyPattern().Match(key) is { Success: true } role)
        {
            return (Role.Admin, role.Groups["id"].Value);
        }

        return IngestKeyPattern().Match(key) is { Success: true } ingest ? (Role.Ingest, ingest.Groups["id"].Value) : (null, null);
    }

    /// <summary>Whether <paramref name="id"/> can be the id of a role key (16 lowercase hex digits).</summary>
    public static bool IsKeyId(string? id) => id is not null && KeyIdPattern().IsMatch(id);

    [GeneratedRegex("^gm_(?<id>[0-9a-f]{16})_[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleKeyPattern();

    [GeneratedRegex("^gmi_(?<id>[a-z0-9-]{3,63})_[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IngestKeyPattern();

    [GeneratedRegex("^[0-9a-f]{16}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdPattern();

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
