using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GapMonitor.Core.ActionLinks;

namespace GapMonitor.Api.Ui;

/// <summary>
/// The console's session cookie: <c>{subject}|{issued unix seconds}|{nonce}</c>, base64url, then an HMAC-SHA256 over it.
/// The key is derived (HKDF, info <see cref="DerivationLabel"/>) from the action-link signing key, so a session reveals
/// nothing about either key and changing the signing key (or the admin key it is derived from) ends every session.
/// Stateless on purpose: ASP.NET Core's Data Protection would need a key ring shared by every instance of both hosts.
/// </summary>
public sealed class ConsoleSessionCookie(ActionLinkSettings settings)
{
    public const string DerivationLabel = "gapmonitor console sessions v1";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Over https the cookie takes the <c>__Host-</c> prefix: Secure, path /, no domain, so no subdomain can plant one.</summary>
    public const string SecureName = "__Host-gapmonitor_session";
    public const string PlainName = "gapmonitor_session";

    private readonly byte[]? _key = settings.SigningKey is { } signing
        ? HKDF.DeriveKey(HashAlgorithmName.SHA256, signing, 32, salt: [], info: Encoding.UTF8.GetBytes(DerivationLabel))
        : null;

    /// <summary>False without a signing key (no admin key and no <c>GapMonitor__ActionLinks__SigningKey</c>): nobody can sign in.</summary>
    public bool IsEnabled => _key is not null;

    public string Issue(string subject, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{subject}|{now.ToUnixTimeSeconds()}|{nonce}")));
        return payload + "." + Base64Url.EncodeToString(Mac("session|" + payload));
    }

    /// <summary>The session's subject and nonce, or null when the cookie is altered, expired, or issued in the future.</summary>
    public ConsoleSessionClaims? Read(string? cookie, DateTimeOffset now)
    {
        if (_key is null || string.IsNullOrEmpty(cookie) || cookie.Length > 1024 || cookie.Split('.') is not [var payload, var mac])
        {
            return null;
        }

        byte[] presented;
        byte[] decoded;
        try
        {
            presented = Base64Url.DecodeFromChars(mac);
            decoded = Base64Url.DecodeFromChars(payload);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(presented, Mac("session|" + payload))
            || Encoding.UTF8.GetString(decoded).Split('|') is not [var subject, var issuedText, var nonce]
            || !long.TryParse(issuedText, NumberStyles.None, CultureInfo.InvariantCulture, out var issuedSeconds))
        {
            return null;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(issuedSeconds);
        return issued > now + TimeSpan.FromMinutes(5) || now >= issued + Lifetime ? null : new ConsoleSessionClaims(subject, nonce, issued);
    }

    /// <summary>The anti-forgery token of a session's forms: bound to its nonce, so it dies with the session.</summary>
    public string FormToken(ConsoleSessionClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return Base64Url.EncodeToString(Mac("form|" + claims.Nonce));
    }

    public bool IsValidFormToken(ConsoleSessionClaims claims, string? presented)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return !string.IsNullOrEmpty(presented) && presented.Length <= 128
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(FormToken(claims)));
    }

    private byte[] Mac(string content) =>
        HMACSHA256.HashData(_key ?? throw new InvalidOperationException("Console sessions have no key."), Encoding.UTF8.GetBytes(content));
}
