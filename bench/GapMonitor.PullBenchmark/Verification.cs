using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GapMonitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.PullBenchmark;

/// <summary>Checks what the pull stored for every system, and measures the per-system state documents.</summary>
public sealed class Verification(IServiceProvider services, BenchmarkArguments arguments)
{
    private readonly ITelemetryStateStore _states = services.GetRequiredService<ITelemetryStateStore>();
    private readonly IDriftWindowStore _windows = services.GetRequiredService<IDriftWindowStore>();
    private readonly BlobContainerClient _stateContainer = services.GetRequiredService<BlobServiceClient>()
        .GetBlobContainerClient(arguments.TablePrefix.ToLowerInvariant() + "telemetry");

    /// <summary>Closed windows stored so far over all systems.</summary>
    public async Task<int> CountWindowsAsync(IReadOnlyList<BenchSystem> systems)
    {
        var total = 0;
        foreach (var system in systems)
        {
            total += (await _windows.ListAsync(system.Id, null, null, 100)).Count;
        }

        return total;
    }

    /// <summary>
    /// Bytes of each system's stored state: <c>telemetry/{id}/state.json</c> and the blobs of its open windows
    /// (<c>telemetry/{id}/windows/</c>; none before windows had blobs of their own), with its open windows.
    /// </summary>
    public async Task<IReadOnlyList<(BenchSystem System, long Bytes, long DocumentBytes, int OpenWindows, long OpenRows)>> StateSizesAsync(IReadOnlyList<BenchSystem> systems)
    {
        var sizes = new List<(BenchSystem, long, long, int, long)>();
        foreach (var system in systems)
        {
            var document = (await _stateContainer.GetBlobClient($"{system.Id}/state.json").GetPropertiesAsync()).Value.ContentLength;
            long windows = 0;
            await foreach (var blob in _stateContainer.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{system.Id}/windows/", CancellationToken.None))
            {
                windows += blob.Properties.ContentLength ?? 0;
            }

            var (state, _) = await _states.GetAsync(system.Id);
            sizes.Add((system, document + windows, document, state!.Windows.Count, state.OpenRows));
        }

        return sizes;
    }

    /// <summary>Every system read all its records and rows, has no window left open, and one closed window per hour with a report.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(IReadOnlyList<BenchSystem> systems)
    {
        var problems = new List<string>();
        var driftMismatches = 0;
        foreach (var system in systems)
        {
            var (state, _) = await _states.GetAsync(system.Id);
            if (state is null)
            {
                problems.Add($"{system.Id}: no telemetry state");
                continue;
            }

            Expect(state.RecordsRead == system.Records, $"{system.Id}: RecordsRead {state.RecordsRead}, expected {system.Records}");
            Expect(state.MalformedLines == 0 && state.LateRows == 0, $"{system.Id}: {state.MalformedLines} malformed lines, {state.LateRows} late rows");
            Expect(state.LastPullError is null, $"{system.Id}: {state.LastPullError}");
            Expect(state.Windows.Count == 0, $"{system.Id}: {state.Windows.Count} windows still open");
            var windows = await _windows.ListAsync(system.Id, null, null, 100);
            Expect(windows.Count == Fleet.Hours, $"{system.Id}: {windows.Count} windows stored, expected {Fleet.Hours}");
            Expect(windows.Sum(w => w.Rows) == system.Rows, $"{system.Id}: {windows.Sum(w => w.Rows)} rows in windows, expected {system.Rows}");
            Expect(windows.All(w => w.ReportJson is not null), $"{system.Id}: a window without a drift report");
            driftMismatches += windows.Count(w => w.DatasetDrift != system.Drifts);
        }

        Expect(driftMismatches == 0, string.Create(CultureInfo.InvariantCulture, $"{driftMismatches} windows' dataset drift differs from how their data was generated"));
        return problems;

        void Expect(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }
    }
}
