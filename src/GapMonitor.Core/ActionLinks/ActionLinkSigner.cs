using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.ActionLinks;

/// <summary>
/// Action link tokens: <c>base64url(payload) "." base64url(HMAC-SHA256(key, "gapmonitor-act.v1." + base64url(payload)))</c>,
/// the payload a JSON array of the token's fields. The MAC is checked first (in constant time), so an altered token
/// is indistinguishable from a made-up one; only a genuine token can be told expired.
/// </summary>
public sealed class ActionLinkSigner(ActionLinkSettings settings)
{
    private const string Version = "v1";
    private const string MacContext = "gapmonitor-act.v1.";
    private const int MaxTokenLength = 4096;

    public bool IsEnabled => settings.SigningKey is not null;

    public string Sign(ActionLinkToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var key = settings.SigningKey ?? throw new InvalidOperationException("Action links have no signing key.");
        var payload = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            Version, token.Id, token.Recipient, token.Party == Party.Customer ? "customer" : "vendor", token.Action, token.SystemId, token.Target, token.Kind, token.ExpiresAt.ToUnixTimeSeconds(),
        });
        var encoded = Base64Url.EncodeToString(payload);
        return encoded + "." + Base64Url.EncodeToString(Mac(key, encoded));
    }

    public ActionLinkVerdict Verify(string? text, DateTimeOffset now, out ActionLinkToken? token)
    {
        token = null;
        var key = settings.SigningKey;
        if (key is null || string.IsNullOrEmpty(text) || text.Length > MaxTokenLength)
        {
            return ActionLinkVerdict.Invalid;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != text.LastIndexOf('.'))
        {
            return ActionLinkVerdict.Invalid;
        }

        var encoded = text[..dot];
        byte[] mac;
        byte[] payload;
        try
        {
            mac = Base64Url.DecodeFromChars(text.AsSpan(dot + 1));
            payload = Base64Url.DecodeFromChars(encoded);
        }
        catch (FormatException)
        {
            return ActionLinkVerdict.Invalid;
        }

        // Base64url accepts several spellings of the same bytes (unused trailing bits); only the canonical one is the token.
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(key, encoded)) || Base64Url.EncodeToString(mac) != text[(dot + 1)..] || Base64Url.EncodeToString(payload) != encoded)
        {
            return ActionLinkVerdict.Invalid;
        }

        token = Read(payload);
        if (token is null)
        {
            return ActionLinkVerdict.Invalid;
        }

        return now >= token.ExpiresAt ? ActionLinkVerdict.Expired : ActionLinkVerdict.Valid;
    }

    private static byte[] Mac(byte[] key, string encodedPayload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(MacContext + encodedPayload));

    /// <summary>The fields of a payload this service signed; null for a shape it never signs (another version).</summary>
    private static ActionLinkToken? Read(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var fields = document.RootElement;
            if (fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() != 9 || fields[0].GetString() != Version)
            {
                return null;
            }

            Party? party = fields[3].GetString() switch { "customer" => Party.Customer, "vendor" => Party.Vendor, _ => null };
            var action = fields[4].GetString();
            if (party is null || action is null || !ActionLinkActions.All.Contains(action))
            {
                return null;
            }

            return new ActionLinkToken(
                fields[1].GetString()!,
                fields[2].GetString()!,
                party.Value,
                action,
                fields[5].GetString()!,
                fields[6].GetString()!,
                fields[7].ValueKind == JsonValueKind.Null ? null : fields[7].GetString(),
                DateTimeOffset.FromUnixTimeSeconds(fields[8].GetInt64()));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
