using GapMonitor.Infrastructure.Webhooks;
using Microsoft.Extensions.Time.Testing;
using static GapMonitor.Infrastructure.Tests.Webhooks.StandardWebhookSignerTests;

namespace GapMonitor.Infrastructure.Tests.Webhooks;

public sealed class StandardWebhookVerifierTests
{
    private const string Timestamp = "1614265330";
    private readonly StandardWebhookVerifier _verifier = new(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp)));

    [Fact]
    public void Verify_WithSpecTestVector_IsValid()
    {
        var result = _verifier.Verify(SpecSecret, SpecId, Timestamp, SpecSignature, SpecBody);

        Assert.Equal(WebhookVerificationResult.Valid, result);
    }

    [Fact]
    public void Verify_WhenOneOfSeveralSignaturesMatches_IsValid()
    {
        var signatures = $"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {SpecSignature} v1,notbase64!";

        Assert.True(_verifier.Verify(SpecSecret, SpecId, Timestamp, signatures, SpecBody).IsValid);
    }

    [Fact]
    public void Verify_WithSecretWithoutPrefix_IsValid()
    {
        Assert.True(_verifier.Verify(SpecSecret["whsec_".Length..], SpecId, Timestamp, SpecSignature, SpecBody).IsValid);
    }

    [Theory]
    [InlineData(SpecId, SpecBody + " ")]
    [InlineData("msg_other", SpecBody)]
    public void Verify_WhenIdOrBodyDiffer_IsInvalid(string id, string body)
    {
        var result = _verifier.Verify(SpecSecret, id, Timestamp, SpecSignature, body);

        Assert.False(result.IsValid);
        Assert.Equal("No v1 signature matches.", result.Failure);
    }

    [Fact]
    public void Verify_WhenOnlyAnotherVersionCarriesTheRightSignature_IsInvalid()
    {
        Assert.False(_verifier.Verify(SpecSecret, SpecId, Timestamp, "v2," + SpecSignature[3..], SpecBody).IsValid);
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Verify_ChecksTheTimestampAgainstFiveMinutesTolerance(int clockOffsetSeconds, bool valid)
    {
        var verifier = new StandardWebhookVerifier(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp + clockOffsetSeconds)));

        Assert.Equal(valid, verifier.Verify(SpecSecret, SpecId, Timestamp, SpecSignature, SpecBody).IsValid);
    }

    [Theory]
    [InlineData(null, Timestamp, SpecSignature)]
    [InlineData(SpecId, null, SpecSignature)]
    [InlineData(SpecId, Timestamp, null)]
    [InlineData(SpecId, "-1614265330", SpecSignature)]
    [InlineData(SpecId, "1614265330.5", SpecSignature)]
    public void Verify_WhenAHeaderIsMissingOrMalformed_IsInvalid(string? id, string? timestamp, string? signature)
    {
        var result = _verifier.Verify(SpecSecret, id, timestamp, signature, SpecBody);

        Assert.False(result.IsValid);
        Assert.NotNull(result.Failure);
    }
}
