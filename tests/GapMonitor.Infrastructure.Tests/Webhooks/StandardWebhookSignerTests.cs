using GapMonitor.Infrastructure.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace GapMonitor.Infrastructure.Tests.Webhooks;

public sealed class StandardWebhookSignerTests
{
    // The test vector of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks).
    internal const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    internal const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    internal const long SpecTimestamp = 1614265330;
    internal const string SpecBody = "{\"test\": 2432232314}";
    internal const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void ComputeSignature_WithSpecTestVector_MatchesPublishedSignature()
    {
        Assert.Equal(SpecSignature, StandardWebhookSigner.ComputeSignature(SpecSecret, SpecId, SpecTimestamp, SpecBody));
    }

    [Fact]
    public void Sign_UsesTheInjectedClockInUnixSeconds()
    {
        var signer = new StandardWebhookSigner(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp).AddMilliseconds(999)));

        var signature = signer.Sign(SpecId, SpecBody, SpecSecret);

        Assert.Equal(new WebhookSignature(SpecId, SpecTimestamp, SpecSignature), signature);
        Assert.Equal("1614265330", signature.TimestampHeaderValue);
    }

    [Fact]
    public void Sign_WhenBodyHasNonAsciiText_SignsItsUtf8Bytes()
    {
        // Python: base64(hmac.new(b64decode(key), "id.1.{\"s\":\"é—✓\"}".encode("utf-8"), sha256).digest())
        var signature = StandardWebhookSigner.ComputeSignature(SpecSecret, "id", 1, "{\"s\":\"é—✓\"}");

        Assert.Equal(Utf8Vector, signature);
    }

    [Theory]
    [InlineData("whsec_not*base64!")]
    [InlineData("whsec_")]
    public void ComputeSignature_WhenSecretIsNotBase64_ThrowsWithoutRevealingIt(string secret)
    {
        var error = Assert.Throws<FormatException>(() => StandardWebhookSigner.ComputeSignature(secret, SpecId, SpecTimestamp, SpecBody));

        Assert.DoesNotContain("not*base64", error.Message, StringComparison.Ordinal);
    }

    private const string Utf8Vector = "v1,NMzPGZWsvM6EvE6hiUuyzECTVe18Pf0YWwVECgvHmWE=";
}
