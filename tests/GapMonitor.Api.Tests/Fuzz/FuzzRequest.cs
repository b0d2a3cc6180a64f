using System.Text;

namespace GapMonitor.Api.Tests.Fuzz;

/// <summary>One generated request: everything needed to send it and to tell what it was when it fails.</summary>
internal sealed record FuzzRequest(string Method, string Path, string? Key, bool KeyInApiKeyHeader, byte[]? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers)
{
    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{Method} {Path} key={Key?[..Math.Min(Key.Length, 30)]} type={ContentType} headers=[{string.Join(", ", Headers.Select(h => $"{h.Name}: {h.Value[..Math.Min(h.Value.Length, 40)]}"))}] body={body}";
    }
}
