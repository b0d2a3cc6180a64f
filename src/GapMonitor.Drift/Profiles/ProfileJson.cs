using System.Text.Json;
using System.Text.Json.Serialization;

namespace GapMonitor.Drift.Profiles;

/// <summary>
/// JSON form of profiles (camelCase), complete enough that a restored profile merges and answers exactly like the
/// original, pseudo-random state included.
/// </summary>
public static class ProfileJson
{
    /// <summary>The JSON format this version writes; profiles without a format number are format 1 too.</summary>
    private const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Serialises a column profile.</summary>
    public static string Serialize(ColumnProfile profile) => JsonSerializer.Serialize(ToDto(profile), Options);

    /// <summary>Serialises a dataset profile.</summary>
    public static string Serialize(DatasetProfile profile) => JsonSerializer.Serialize(
        new DatasetDto(profile.Rows, profile.Settings, profile.Columns.Select(ToDto).ToList(), CurrentFormat), Options);

    /// <summary>Restores a column profile.</summary>
    /// <exception cref="JsonException">The text is not a profile, or was written by a newer format.</exception>
    public static ColumnProfile DeserializeColumn(string json)
    {
        var dto = JsonSerializer.Deserialize<ColumnDto>(json, Options) ?? throw new JsonException("Empty column profile.");
        CheckFormat(dto.Format);
        return FromDto(dto);
    }

    /// <summary>Restores a dataset profile.</summary>
    /// <exception cref="JsonException">The text is not a profile, or was written by a newer format.</exception>
    public static DatasetProfile DeserializeDataset(string json)
    {
        var dto = JsonSerializer.Deserialize<DatasetDto>(json, Options) ?? throw new JsonException("Empty dataset profile.");
        CheckFormat(dto.Format);
        var profile = new DatasetProfile(dto.Settings) { Rows = dto.Rows };
        foreach (var column in dto.Columns)
        {
            profile.Restore(FromDto(column));
        }

        return profile;
    }

    private static void CheckFormat(int format)
    {
        if (format > CurrentFormat)
        {
            throw new JsonException($"The profile is in format {format}; this version of GapMonitor.Drift reads format {CurrentFormat} and older.");
        }
    }

    private static ColumnDto ToDto(ColumnProfile p) => new(
        p.Name,
        p.Settings,
        p.Count,
        p.Missing,
        p.NumericCount,
        p.Min,
        p.Max,
        p.Mean,
        p.SumOfSquares,
        new KllDto(p.Quantiles.K, p.Quantiles.RandomState, p.Quantiles.Count, p.Quantiles.Levels.Select(l => l.ToArray()).ToList()),
        new ValuesDto(p.Values.Overflowed, p.Values.Counts.Select(kv => new[] { kv.Key, kv.Value }).ToList()),
        new CategoriesDto(p.Categories.Total, p.Categories.Counts.ToDictionary(kv => kv.Key, kv => kv.Value)),
        new SampleDto(p.Sample.RandomState, p.Sample.Seen, p.Sample.Entries.Select(e => e.Priority).ToList(), p.Sample.Entries.Select(e => e.Value).ToList()),
        CurrentFormat);

    private static ColumnProfile FromDto(ColumnDto d)
    {
        var profile = new ColumnProfile(d.Name, d.Settings);
        var quantiles = KllSketch.Restore(d.Quantiles.K, d.Quantiles.RandomState, d.Quantiles.Count, d.Quantiles.Levels);
        profile.Restore(d.Count, d.Missing, d.NumericCount, d.Min, d.Max, d.Mean, d.SumOfSquares, quantiles);
        profile.Values.Restore(d.Values.Overflowed, d.Values.Counts.Select(c => KeyValuePair.Create(c[0], (long)c[1])));
        profile.Categories.Restore(d.Categories.Total, d.Categories.Counts);
        profile.Sample.Restore(d.Sample.Seen, d.Sample.Priorities.Zip(d.Sample.Values));
        profile.Sample.RestoreRandom(d.Sample.RandomState);
        return profile;
    }

    private sealed record DatasetDto(long Rows, ProfileSettings Settings, List<ColumnDto> Columns, int Format = CurrentFormat);

    private sealed record ColumnDto(
        string Name,
        ProfileSettings Settings,
        long Count,
        long Missing,
        long NumericCount,
        double Min,
        double Max,
        double Mean,
        double SumOfSquares,
        KllDto Quantiles,
        ValuesDto Values,
        CategoriesDto Categories,
        SampleDto Sample,
        int Format = CurrentFormat);

    private sealed record KllDto(int K, ulong RandomState, long Count, List<double[]> Levels);

    private sealed record ValuesDto(bool Overflowed, List<double[]> Counts);

    private sealed record CategoriesDto(long Total, Dictionary<string, long> Counts);

    private sealed record SampleDto(ulong RandomState, long Seen, List<ulong> Priorities, List<double> Values);
}
