using System.Security.Cryptography;
using System.Text;
using GapMonitor.Core.ActionLinks;
using GapMonitor.Core.Systems;

namespace GapMonitor.Core.Tests.ActionLinks;

public sealed class ActionLinkSignerTests
{
    private static readonly DateTimeOffset Expiry = new(2026, 12, 8, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly ActionLinkSigner _signer = new(new ActionLinkSettings(Key));

    private static ActionLinkToken Token(string action = ActionLinkActions.Acknowledge, string target = "acme-churn.0193c2a5e4b07c3d8f9a1b2c3d4e5f60") =>
        new("tok-1", "webhook:hooks.acme.example", Party.Customer, action, "acme-churn", target, null, Expiry);

    [Fact]
    public void Verify_OfASignedToken_GivesBackEveryField()
    {
        var signed = _signer.Sign(Token() with { Kind = "drift-detected" });

        Assert.Equal(ActionLinkVerdict.Valid, _signer.Verify(signed, Expiry.AddSeconds(-1), out var token));

        Assert.Equal(Token() with { Kind = "drift-detected" }, token);
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$", signed);
    }

    [Fact]
    public void Verify_WhenAnyCharacterIsAltered_IsInvalid()
    {
        var signed = _signer.Sign(Token());

        for (var i = 0; i < signed.Length; i++)
        {
            var altered = signed.ToCharArray();
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            Assert.Equal(ActionLinkVerdict.Invalid, _signer.Verify(new string(altered), Expiry.AddDays(-1), out var token));
            Assert.Null(token);
        }
    }

    [Fact]
    public void Verify_WhenTheSignatureOfOneTokenIsPutOnAnotherBinding_IsInvalid()
    {
        var acknowledge = _signer.Sign(Token());
        var status = _signer.Sign(Token(ActionLinkActions.Status, "acme-churn"));
        var otherTarget = _signer.Sign(Token(target: "globex-vision.0193c2a5e4b07c3d8f9a1b2c3d4e5f60"));

        Assert.Equal(ActionLinkVerdict.Invalid, _signer.Verify(Payload(status) + "." + Mac(acknowledge), Expiry.AddDays(-1), out _));
        Assert.Equal(ActionLinkVerdict.Invalid, _signer.Verify(Payload(otherTarget) + "." + Mac(acknowledge), Expiry.AddDays(-1), out _));
    }

    [Fact]
    public void Verify_WhenThePayloadIsRewrittenWithAnotherAction_IsInvalid()
    {
        var signed = _signer.Sign(Token());
        var json = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(Payload(signed)));
        var rewritten = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.Replace("\"acknowledge\"", "\"confirmOwnership\"", StringComparison.Ordinal)));

        Assert.Equal(ActionLinkVerdict.Invalid, _signer.Verify(rewritten + "." + Mac(signed), Expiry.AddDays(-1), out _));
    }

    [Fact]
    public void Verify_FromItsExpiryOn_IsExpired_ButStillReadsTheToken()
    {
        var signed = _signer.Sign(Token());

        Assert.Equal(ActionLinkVerdict.Valid, _signer.Verify(signed, Expiry.AddTicks(-1), out _));
        Assert.Equal(ActionLinkVerdict.Expired, _signer.Verify(signed, Expiry, out var token));
        Assert.Equal("tok-1", token!.Id);
    }

    [Fact]
    public void Verify_OfATokenSignedWithAnotherKey_IsInvalid_EvenWhenExpired()
    {
        var other = new ActionLinkSigner(new ActionLinkSettings(RandomNumberGenerator.GetBytes(32))).Sign(Token());

        Assert.Equal(ActionLinkVerdict.Invalid, _signer.Verify(other, Expiry.AddDays(-1), out _));
        Assert.Equal(ActionLinkVerdict.Invalid, _signer.Verify(other, Expiry.AddDays(1), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData(".")]
    [InlineData("!!!.###")]
    [InlineData("e30.AAAA")]
    public void Verify_OfGarbage_IsInvalid(string text) =>
        Assert.Equal(ActionLinkVerdict.Invalid, _signer.Verify(text, Expiry.AddDays(-1), out _));

    [Fact]
    public void Verify_WithoutASigningKey_RefusesEverything()
    {
        var signed = _signer.Sign(Token());

        Assert.Equal(ActionLinkVerdict.Invalid, new ActionLinkSigner(new ActionLinkSettings(null)).Verify(signed, Expiry.AddDays(-1), out _));
    }

    [Fact]
    public void SigningKey_WithoutAConfiguredKey_IsDerivedFromTheAdminKeyWithHkdf()
    {
        var derived = ActionLinkSigningKey.From(null, "  test-admin-key-0123456789abcdef-0123 ");

        var expected = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes("test-admin-key-0123456789abcdef-0123"), 32, [], Encoding.UTF8.GetBytes("gapmonitor action links v1"));
        Assert.Equal(expected, derived);
        Assert.NotEqual(expected, ActionLinkSigningKey.From(null, "another-admin-key-0123456789abcdef-0123"));
        Assert.Null(ActionLinkSigningKey.From(null, null));
    }

    [Fact]
    public void SigningKey_WhenConfigured_IsUsedAsIs_AndMustBeBase64OfAtLeast32Bytes()
    {
        var key = RandomNumberGenerator.GetBytes(48);

        Assert.Equal(key, ActionLinkSigningKey.From(Convert.ToBase64String(key), "admin-key-is-ignored-0123456789abcdef"));
        Assert.Throws<FormatException>(() => ActionLinkSigningKey.From(Convert.ToBase64String(new byte[31]), null));
        Assert.Throws<FormatException>(() => ActionLinkSigningKey.From("not base64!", null));
    }

    private static string Payload(string token) => token[..token.IndexOf('.', StringComparison.Ordinal)];

    private static string Mac(string token) => token[(token.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
