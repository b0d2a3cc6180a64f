using GapMonitor.Core.Ports;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class TableIdempotencyStoreTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private const string Key = "vendor:modelworks|POST|/api/systems|3f0c";

    [Fact]
    public async Task TryClaimAsync_WhenFirstThenRepeatedWhileRunningThenCompleted_ClaimsThenInProgressThenReplays()
    {
        var store = new TableIdempotencyStore(Tables);
        var response = new StoredResponse(201, "{\"id\":\"acme-churn\"}", "application/json", new Dictionary<string, string> { ["Location"] = "/api/systems/acme-churn" }, "hash-1");

        var first = await store.TryClaimAsync(Key, "hash-1", Time.GetUtcNow());
        var whileRunning = await store.TryClaimAsync(Key, "hash-1", Time.GetUtcNow());
        await store.CompleteAsync(Key, response);
        var replay = await store.TryClaimAsync(Key, "hash-1", Time.GetUtcNow());

        Assert.Equal((IdempotencyClaim.Claimed, null), first);
        Assert.Equal((IdempotencyClaim.InProgress, null), whileRunning);
        Assert.Equal(IdempotencyClaim.Completed, replay.Claim);
        Assert.Equal((201, response.Body, "application/json", "hash-1"), (replay.Response!.Status, replay.Response.Body, replay.Response.ContentType, replay.Response.RequestHash));
        Assert.Equal(response.Headers, replay.Response.Headers);
    }

    [Fact]
    public async Task TryClaimAsync_WhenTwoRequestsClaimAtOnce_ExactlyOneRuns()
    {
        var store = new TableIdempotencyStore(Tables);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.TryClaimAsync(Key, "h", Time.GetUtcNow()))));

        Assert.Equal(1, claims.Count(c => c.Claim == IdempotencyClaim.Claimed));
        Assert.Equal(7, claims.Count(c => c.Claim == IdempotencyClaim.InProgress));
    }

    [Theory]
    [InlineData(299, IdempotencyClaim.InProgress)]
    [InlineData(301, IdempotencyClaim.Claimed)]
    public async Task TryClaimAsync_WhenPendingClaimIsOld_IsTakenOverOnlyAfterExpiry(int secondsLater, IdempotencyClaim expected)
    {
        var store = new TableIdempotencyStore(Tables);
        await store.TryClaimAsync(Key, "h", Time.GetUtcNow());
        Time.Advance(TimeSpan.FromSeconds(secondsLater));

        var (claim, _) = await store.TryClaimAsync(Key, "h", Time.GetUtcNow());

        Assert.Equal(expected, claim);
    }

    [Fact]
    public async Task TryClaimAsync_WhenExpiredClaimWasTakenOver_OthersSeeItInProgress()
    {
        var store = new TableIdempotencyStore(Tables);
        await store.TryClaimAsync(Key, "h", Time.GetUtcNow());
        Time.Advance(TimeSpan.FromMinutes(6));

        var takeover = await store.TryClaimAsync(Key, "h", Time.GetUtcNow());
        var next = await store.TryClaimAsync(Key, "h", Time.GetUtcNow());

        Assert.Equal(IdempotencyClaim.Claimed, takeover.Claim);
        Assert.Equal(IdempotencyClaim.InProgress, next.Claim);
    }

    [Fact]
    public async Task ReleaseAsync_WhenClaimReleased_NextRequestClaimsAgain()
    {
        var store = new TableIdempotencyStore(Tables);
        await store.TryClaimAsync(Key, "h", Time.GetUtcNow());

        await store.ReleaseAsync(Key);

        Assert.Equal(IdempotencyClaim.Claimed, (await store.TryClaimAsync(Key, "h", Time.GetUtcNow())).Claim);
    }

    [Fact]
    public async Task TryClaimAsync_WhenKeysDiffer_ClaimsEachIndependently()
    {
        var store = new TableIdempotencyStore(Tables);

        Assert.Equal(IdempotencyClaim.Claimed, (await store.TryClaimAsync(Key, "h", Time.GetUtcNow())).Claim);
        Assert.Equal(IdempotencyClaim.Claimed, (await store.TryClaimAsync(Key + "'", "h", Time.GetUtcNow())).Claim);
    }

    [Fact]
    public async Task CompleteAsync_WhenResponseIsFarOver64KiB_StoresItAndReplaysIt()
    {
        var store = new TableIdempotencyStore(Tables);
        var body = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(300 * 1024));
        await store.TryClaimAsync(Key, "h", Time.GetUtcNow());

        await store.CompleteAsync(Key, new StoredResponse(201, body, "application/json", new Dictionary<string, string> { ["Location"] = "/x" }, "h"));
        var (claim, replay) = await store.TryClaimAsync(Key, "h", Time.GetUtcNow());

        Assert.Equal(IdempotencyClaim.Completed, claim);
        Assert.Equal(body, replay!.Body);
    }

    [Fact]
    public async Task CompleteAsync_StoresNothingOfTheBodyInClear()
    {
        var store = new TableIdempotencyStore(Tables);
        const string Secret = "gm_0123456789abcdef_ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
        await store.TryClaimAsync(Key, "h", Time.GetUtcNow());

        await store.CompleteAsync(Key, new StoredResponse(201, $"{{\"key\":\"{Secret}\"}}", "application/json", new Dictionary<string, string> { ["X-Key"] = Secret }, "h"));

        await foreach (var row in Tables.Idempotency.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            foreach (var (_, value) in row)
            {
                var text = value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.DoesNotContain("ffffffffffffffff", text ?? "", StringComparison.Ordinal);
                Assert.DoesNotContain("3f0c", text ?? "", StringComparison.Ordinal);
            }
        }
    }
}
