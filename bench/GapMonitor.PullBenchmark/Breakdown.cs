using System.Diagnostics;
using System.Globalization;
using GapMonitor.Core.Ports;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift;
using GapMonitor.Drift.Profiles;
using GapMonitor.Infrastructure.Telemetry.InferenceLog;
using Microsoft.Extensions.DependencyInjection;

namespace GapMonitor.PullBenchmark;

/// <summary>
/// Where the pull's time goes, measured again piece by piece after it (warm, so a little faster): the reader alone
/// (list + download + JSON parse, in the pull's 20,000-row reads), folding those rows into hour profiles (the same
/// <see cref="ColumnProfile.Add(double)"/> calls the pull makes), and comparing each profile with the reference.
/// </summary>
public static class Breakdown
{
    public static async Task<string> MeasureAsync(IServiceProvider services, IReadOnlyList<BenchSystem> systems, RequestLog requests)
    {
        var reader = services.GetRequiredService<InferenceLogReader>();
        var store = services.GetRequiredService<ISystemStore>();
        var references = services.GetRequiredService<IReferenceProfiles>();
        TimeSpan read = default, fold = default, compare = default, loadReference = default;
        long rows = 0;
        var before = requests.Snapshot();
        foreach (var system in systems)
        {
            var settings = (await store.GetAsync(system.Id))!.System;
            var source = new InferenceLogSource(settings.Telemetry!.InferenceLog!.ContainerUri, settings.Telemetry.InferenceLog.Prefix);
            var windows = new Dictionary<DateTimeOffset, DatasetProfile>();
            InferenceLogCheckpoint? checkpoint = null;
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await reader.ReadNewAsync(source, checkpoint, 20_000);
                read += Stopwatch.GetElapsedTime(started);
                started = Stopwatch.GetTimestamp();
                Fold(windows, result.Rows);
                fold += Stopwatch.GetElapsedTime(started);
                rows += result.RowCount;
                checkpoint = result.Checkpoint;
                if (!result.HasMore)
                {
                    break;
                }
            }

            var loading = Stopwatch.GetTimestamp();
            var reference = (await references.GetAsync(system.Id, settings.Signals.ReferenceVersion!))!;
            loadReference += Stopwatch.GetElapsedTime(loading);
            var comparing = Stopwatch.GetTimestamp();
            foreach (var profile in windows.Values)
            {
                DriftJsonWriter.Write(DriftCalculator.Compare(reference, profile));
            }

            compare += Stopwatch.GetElapsedTime(comparing);
        }

        var used = requests.Snapshot().Since(before);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"reader alone {read.TotalSeconds:0.0} s for {rows:N0} rows ({rows / read.TotalSeconds:N0} rows/s; {used}); " +
            $"folding into profiles {fold.TotalSeconds:0.0} s ({rows / fold.TotalSeconds:N0} rows/s); " +
            $"loading the reference profile {loadReference.TotalSeconds:0.0} s for {systems.Count} systems (once each); " +
            $"drift comparison + JSON report {compare.TotalSeconds:0.0} s for {systems.Count * Fleet.Hours} windows");
    }

    private static void Fold(Dictionary<DateTimeOffset, DatasetProfile> windows, InferenceRowBatch batch)
    {
        var columns = batch.Columns.ToArray();
        for (var i = 0; i < batch.Count; i++)
        {
            var start = TelemetryState.AlignedStart(batch.Times[i], TimeSpan.FromHours(1));
            if (!windows.TryGetValue(start, out var profile))
            {
                profile = new DatasetProfile(TelemetryIngestion.ServiceProfileSettings);
                windows[start] = profile;
            }

            foreach (var (name, values) in columns)
            {
                var value = values[i];
                if (value.Kind == TelemetryValueKind.Number)
                {
                    profile.Column(name).Add(value.Number);
                }
                else
                {
                    profile.Column(name).Add(value.Text);
                }
            }

            profile.Rows++;
        }
    }
}
