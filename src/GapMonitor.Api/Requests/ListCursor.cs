using System.Buffers.Text;
using System.Text;

namespace GapMonitor.Api.Requests;

/// <summary>
/// The opaque <c>cursor</c> of a list: base64url of the list's name and the store's continuation (a position, never a
/// scope). The name keeps one list's cursor from being read by another; scope is applied again on every page.
/// </summary>
public static class ListCursor
{
    public const int MaxLength = 2048;

    public static string Encode(string list, string continuation) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}:{continuation}"));

    /// <summary>The continuation in <paramref name="cursor"/>, or null when it is not a cursor of <paramref name="list"/>.</summary>
    public static string? Decode(string list, string cursor)
    {
        if (cursor.Length > MaxLength || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return null;
        }

        var prefix = list + ":";
        return text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length ? text[prefix.Length..] : null;
    }
}
