using GapMonitor.Core.Keys;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableApiKeyStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task CreateAsync_WhenStored_ReadsBackOnlyTheHash()
    {
        var store = new TableApiKeyStore(Tables);
        var id = ApiKeyFormat.NewKeyId();
        var key = ApiKeyFormat.NewRoleKey(id);
        var stored = new ApiKey(id, Role.Vendor, "modelworks", null, "ci", ApiKeyFormat.Hash(key), Time.GetUtcNow());

        await store.CreateAsync(stored);
        var read = await store.GetAsync(id);

        Assert.Equal(stored, read);
        Assert.True(ApiKeyFormat.Matches(key, read!.Hash));
        Assert.DoesNotContain(key, string.Join('|', (await Tables.ApiKeys.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, "key")).Value.Select(p => p.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WhenUnknown_ReturnsNull()
    {
        Assert.Null(await new TableApiKeyStore(Tables).GetAsync("0123456789abcdef"));
    }

    [Fact]
    public async Task RevokeAsync_WhenKeyExists_MarksItRevokedOnce()
    {
        var store = new TableApiKeyStore(Tables);
        var id = ApiKeyFormat.NewKeyId();
        await store.CreateAsync(new ApiKey(id, Role.Customer, null, "acme", null, ApiKeyFormat.Hash("k"), Time.GetUtcNow()));
        Time.Advance(TimeSpan.FromHours(1));
        var revokedAt = Time.GetUtcNow();

        Assert.True(await store.RevokeAsync(id, revokedAt));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.True(await store.RevokeAsync(id, Time.GetUtcNow()));

        Assert.Equal(revokedAt, (await store.GetAsync(id))!.RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_WhenUnknown_ReturnsFalse()
    {
        Assert.False(await new TableApiKeyStore(Tables).RevokeAsync("0123456789abcdef", Time.GetUtcNow()));
    }

    [Fact]
    public async Task RecordUseAsync_ChangesOnlyLastUsedAt_AndKeepsARevocation()
    {
        var store = new TableApiKeyStore(Tables);
        var id = ApiKeyFormat.NewKeyId();
        var created = new ApiKey(id, Role.Customer, "contoso-ml", "acme", "ops", ApiKeyFormat.Hash("k"), Time.GetUtcNow(), ExpiresAt: Time.GetUtcNow().AddDays(1));
        await store.CreateAsync(created);
        await store.RevokeAsync(id, Time.GetUtcNow());
        Time.Advance(TimeSpan.FromMinutes(5));

        await store.RecordUseAsync(id, Time.GetUtcNow());

        var read = await store.GetAsync(id);
        Assert.Equal(created with { RevokedAt = created.CreatedAt, LastUsedAt = Time.GetUtcNow() }, read);
    }

    [Fact]
    public async Task RecordUseAsync_WhenTheKeyIsGone_CreatesNothing()
    {
        var store = new TableApiKeyStore(Tables);

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => store.RecordUseAsync("0123456789abcdef", Time.GetUtcNow()));

        Assert.Null(await store.GetAsync("0123456789abcdef"));
    }

    [Fact]
    public async Task ListAsync_PagesInIdOrder_AfterTheGivenId()
    {
        var store = new TableApiKeyStore(Tables);
        string[] ids = ["0000000000000001", "0000000000000002", "0000000000000003"];
        foreach (var id in ids.Reverse())
        {
            await store.CreateAsync(new ApiKey(id, Role.Customer, null, "acme", null, ApiKeyFormat.Hash(id), Time.GetUtcNow()));
        }

        var first = await store.ListAsync(null, 2);
        var rest = await store.ListAsync(first[^1].Id, 2);

        Assert.Equal(ids[..2], first.Select(k => k.Id));
        Assert.Equal(ids[2..], rest.Select(k => k.Id));
    }
}
