using Azure.Core;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>A credential that cannot get a token, as <c>DefaultAzureCredential</c> on a machine without an Azure identity.</summary>
internal sealed class FailingTokenCredential(Func<Exception> failure) : TokenCredential
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw failure();
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
