using GapMonitor.Core.Keys;

namespace GapMonitor.Core.Tests.Keys;

public class ApiKeyFormatTests
{
    [Fact]
    public void Parse_WhenRoleKey_ReturnsItsId()
    {
        var id = ApiKeyFormat.NewKeyId();
        var key = ApiKeyFormat.NewRoleKey(id);

        var (kind, parsedId) = ApiKeyFormat.Parse(key);

        Assert.Equal(Role.Admin, kind);
        Assert.Equal(id, parsedId);
        Assert.Matches("^gm_[0-9a-f]{16}_[0-9a-f]{64}$", key);
    }

    [Theory]
    [InlineData("acme-churn")]
    [InlineData("a1b")]
    [InlineData("fraud-model-eu-west-2")]
    public void Parse_WhenIngestKey_ReturnsSystemId(string systemId)
    {
        var key = ApiKeyFormat.NewIngestKey(systemId);

        var (kind, parsedId) = ApiKeyFormat.Parse(key);

        Assert.Equal(Role.Ingest, kind);
        Assert.Equal(systemId, parsedId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gm_")]
    [InlineData("gm__abc")]
    [InlineData("gm_nosecret")]
    [InlineData("gmi_")]
    [InlineData("gmi__0123")]
    [InlineData("gmx_abc_def")]
    [InlineData("Bearer gm_abc_def")]
    [InlineData("GM_abc_def")]
    [InlineData("sk_live_abc")]
    [InlineData("gm_a/b#c?d_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("gm_0123456789ABCDEF_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("gm_0123456789abcdef_000")]
    [InlineData("gmi_acme/churn_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("gmi_acme'churn_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("gmi_acme-churn_0000000000000000000000000000000000000000000000000000000000000000\n")]
    public void Parse_WhenMalformed_ReturnsNothing(string key)
    {
        Assert.Equal((null, null), ApiKeyFormat.Parse(key));
    }

    [Fact]
    public void Matches_WhenSameKey_IsTrue()
    {
        var key = ApiKeyFormat.NewRoleKey(ApiKeyFormat.NewKeyId());

        Assert.True(ApiKeyFormat.Matches(key, ApiKeyFormat.Hash(key)));
    }

    [Fact]
    public void Matches_WhenKeyDiffersInOneCharacter_IsFalse()
    {
        var key = ApiKeyFormat.NewRoleKey(ApiKeyFormat.NewKeyId());
        var tampered = key[..^1] + (key[^1] == '0' ? '1' : '0');

        Assert.False(ApiKeyFormat.Matches(tampered, ApiKeyFormat.Hash(key)));
    }

    [Fact]
    public void Matches_WhenOtherKeyWithSameId_IsFalse()
    {
        var id = ApiKeyFormat.NewKeyId();

        Assert.False(ApiKeyFormat.Matches(ApiKeyFormat.NewRoleKey(id), ApiKeyFormat.Hash(ApiKeyFormat.NewRoleKey(id))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-hash")]
    public void Matches_WhenStoredHashIsMalformed_IsFalse(string storedHash)
    {
        Assert.False(ApiKeyFormat.Matches(ApiKeyFormat.NewRoleKey(ApiKeyFormat.NewKeyId()), storedHash));
    }

    [Fact]
    public void Hash_WhenComputed_IsLowercaseSha256HexAndNeverTheKey()
    {
        var key = ApiKeyFormat.NewIngestKey("acme-churn");

        var hash = ApiKeyFormat.Hash(key);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(key, hash, StringComparison.Ordinal);
        Assert.Equal(hash, ApiKeyFormat.Hash(key));
    }

    [Fact]
    public void NewRoleKey_WhenCalledTwice_GivesDifferentSecrets()
    {
        var id = ApiKeyFormat.NewKeyId();

        Assert.NotEqual(ApiKeyFormat.NewRoleKey(id), ApiKeyFormat.NewRoleKey(id));
    }
}
