namespace GapMonitor.Api.Ui;

/// <summary>What a valid session cookie says: who (a key id, or admin with the admin key's fingerprint), its nonce and when it began.</summary>
public sealed record ConsoleSessionClaims(string Subject, string Nonce, DateTimeOffset IssuedAt);
