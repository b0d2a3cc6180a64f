using GapMonitor.Core.Alerts;
using GapMonitor.Core.Audit;
using GapMonitor.Core.Concurrency;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Systems;
using GapMonitor.Core.Telemetry;
using GapMonitor.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace GapMonitor.Core.Tests.Telemetry;

public class ReferenceDatasetsTests
{
    private readonly FakeTimeProvider _time = new(SystemBuilder.Epoch);
    private readonly Mock<IReferenceUploader> _uploader = new(MockBehavior.Strict);
    private readonly Mock<ISystemStore> _store = new(MockBehavior.Strict);
    private readonly MonitoredSystem _system = new SystemBuilder().Build();

    [Fact]
    public async Task UploadAsync_WhenTheSystemChangesMeanwhile_SwitchesOverOnTheFreshCopy()
    {
        var heartbeatSeen = _system with { Signals = _system.Signals with { LastHeartbeatAt = SystemBuilder.Epoch } };
        _uploader.Setup(u => u.UploadAsync(_system.Id, It.IsAny<string>(), ReferenceFormats.Csv, Stream.Null, It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string version, string _, Stream _, CancellationToken _) => new ReferenceUpload(version, 10, ["a", "b"], 42));
        _store.SetupSequence(s => s.GetAsync(_system.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SystemWithAlerts(_system, []))
            .ReturnsAsync(new SystemWithAlerts(heartbeatSeen, []));
        var written = new List<(MonitoredSystem System, AuditEntry Audit)>();
        _store.Setup(s => s.UpdateAsync(It.IsAny<MonitoredSystem>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Returns((MonitoredSystem s, AuditEntry a, CancellationToken _) =>
            {
                written.Add((s, a));
                return written.Count == 1 ? Task.FromException<MonitoredSystem>(new ConcurrencyConflictException()) : Task.FromResult(s);
            });

        var upload = await Datasets().UploadAsync(_system, "vendor:modelworks", ReferenceFormats.Csv, Stream.Null);

        Assert.StartsWith("20260302T080000-", upload.Version, StringComparison.Ordinal);
        Assert.Equal(2, written.Count);
        var (saved, audit) = written[^1];
        Assert.Equal(upload.Version, saved.Signals.ReferenceVersion);
        Assert.Equal(SystemBuilder.Epoch, saved.Signals.LastHeartbeatAt);
        Assert.Equal("reference.uploaded", audit.Action);
        Assert.Equal($"{upload.Version}: 10 rows, 2 columns", audit.Detail);
    }

    [Fact]
    public async Task UploadAsync_WhenTheContentIsRefused_KeepsThePreviousReference()
    {
        _uploader.Setup(u => u.UploadAsync(_system.Id, It.IsAny<string>(), ReferenceFormats.Ndjson, Stream.Null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ReferenceFormatException("The reference dataset has no rows."));

        await Assert.ThrowsAsync<ReferenceFormatException>(() => Datasets().UploadAsync(_system, "admin", ReferenceFormats.Ndjson, Stream.Null));

        _store.VerifyNoOtherCalls();
    }

    private ReferenceDatasets Datasets() => new(_uploader.Object, _store.Object, new IdGenerator(_time), _time);
}
