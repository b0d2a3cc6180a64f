namespace GapMonitor.Api;

/// <summary>Section <c>GapMonitor:ActionLinks</c>.</summary>
public sealed class ActionLinkOptions
{
    /// <summary>
    /// Base64 of at least 32 bytes that signs action links. Optional: without it the key is derived from the admin key
    /// (HKDF-SHA256, info "gapmonitor action links v1"). Set it to keep links working across an admin key rotation,
    /// or to invalidate every link (change it). Never logged.
    /// </summary>
    public string? SigningKey { get; set; }
}
