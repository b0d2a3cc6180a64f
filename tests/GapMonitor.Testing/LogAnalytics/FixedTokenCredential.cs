using Azure.Core;

namespace GapMonitor.Testing.LogAnalytics;

/// <summary>A credential that hands out one fixed token and records the scopes asked for.</summary>
public sealed class FixedTokenCredential(string token) : TokenCredential
{
    private readonly List<string[]> _scopes = [];

    public IReadOnlyList<string[]> RequestedScopes
    {
        get
        {
            lock (_scopes)
            {
                return [.. _scopes];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_scopes)
        {
            _scopes.Add(requestContext.Scopes);
        }

        return new AccessToken(token, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
