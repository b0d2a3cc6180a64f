using Azure.Data.Tables;
using GapMonitor.Core.Systems;
using GapMonitor.Infrastructure.Storage;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Storage;

/// <summary>Ownership settings and handover progress survive storage; rows written before them read as the defaults and as untracked.</summary>
[Collection(AzuriteCollection.Name)]
public class HandoverStorageTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    [Fact]
    public async Task GetAsync_ReturnsTheStoredOwnershipSettingsAndProgress()
    {
        var progress = new HandoverProgress { TrackedSince = Time.GetUtcNow(), StartedNoticeAt = Time.GetUtcNow() }
            .WithConfirmation(new OwnershipConfirmationRecord(Time.GetUtcNow(), "dana \"o'neil\" é", "customer:acme", "note"));
        await CreateAsync(new SystemBuilder().WithId("handover-set").WithOwnership(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)).WithHandover(progress).Build()
            with
        { GraceEndingNotice = TimeSpan.FromSeconds(7) });

        var stored = (await Systems.GetAsync("handover-set"))!.System;

        Assert.Equal(new OwnershipSettings(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)), stored.Ownership);
        Assert.Equal(TimeSpan.FromSeconds(7), stored.GraceEndingNotice);
        Assert.Equal(progress.StartedNoticeAt, stored.Handover!.StartedNoticeAt);
        Assert.Equal(progress.TrackedSince, stored.Handover.TrackedSince);
        Assert.Equal(progress.Confirmations, stored.Handover.Confirmations);
    }

    [Fact]
    public async Task GetAsync_WhenRowPredatesOwnership_ReadsTheDefaultsAndNoProgress()
    {
        await CreateAsync(new SystemBuilder().WithId("handover-old").Build());
        var row = (await Tables.Systems.GetEntityAsync<TableEntity>("handover-old", RowKeys.System)).Value;
        foreach (var name in new[] { "ConfirmWithin", "ReconfirmEvery", "GraceEndingNotice", "HandoverJson" })
        {
            Assert.True(row.Remove(name), name);
        }

        await Tables.Systems.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var stored = (await Systems.GetAsync("handover-old"))!.System;
        Assert.Equal(OwnershipSettings.Default, stored.Ownership);
        Assert.Equal(TimeSpan.FromDays(3), stored.GraceEndingNotice);
        Assert.Null(stored.Handover);
    }

    [Fact]
    public async Task CreateAsync_WithConfirmationsTooLongForOneProperty_KeepsTheNewestThatFit()
    {
        var progress = new HandoverProgress();
        for (var i = 0; i < HandoverProgress.MaxConfirmations; i++)
        {
            progress = progress.WithConfirmation(new OwnershipConfirmationRecord(Time.GetUtcNow().AddMinutes(i), $"person-{i}", "customer:acme", new string('ü', 2000)));
        }

        await CreateAsync(new SystemBuilder().WithId("handover-long").WithHandover(progress).Build());

        var stored = (await Systems.GetAsync("handover-long"))!.System.Handover!.Confirmations;
        Assert.InRange(stored.Count, 1, HandoverProgress.MaxConfirmations - 1);
        Assert.Equal(progress.Confirmations.Take(stored.Count), stored);
    }
}
