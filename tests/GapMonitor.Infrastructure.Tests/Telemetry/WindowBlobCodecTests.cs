using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;
using GapMonitor.Infrastructure.Telemetry;
using GapMonitor.Testing;

namespace GapMonitor.Infrastructure.Tests.Telemetry;

/// <summary>The binary form of one drift window: everything a window holds reads back as it was written.</summary>
public class WindowBlobCodecTests
{
    private static readonly DateTimeOffset Start = SystemBuilder.Epoch;

    [Fact]
    public void SerializeThenDeserialize_KeepsTheWindowsPredictions()
    {
        var window = new OpenWindow(new DatasetProfile()) { Predictions = Predictions(Start) };

        var read = WindowBlobCodec.Deserialize(WindowBlobCodec.Serialize(window));

        AssertSame(window.Predictions!, read.Predictions!);
    }

    [Fact]
    public void Serialize_AWindowWithoutPredictions_ReadsBackWithout()
    {
        var window = new OpenWindow(new DatasetProfile());

        Assert.Null(WindowBlobCodec.Deserialize(WindowBlobCodec.Serialize(window)).Predictions);
    }

    [Fact]
    public void SerializeThenDeserialize_KeepsEveryPartOfTheProfile_AndItGoesOnExactlyAsTheOriginal()
    {
        var window = new OpenWindow(Profile(seed: 1)) { Predictions = Predictions(Start) };
        window.CountModelVersion("v1", 7);
        window.CountModelVersion("v2 é", 3);

        var read = WindowBlobCodec.Deserialize(WindowBlobCodec.Serialize(window));

        Assert.Equal(ProfileJson.Serialize(window.Profile), ProfileJson.Serialize(read.Profile));
        Assert.Equal(window.ModelVersions, read.ModelVersions);
        // Goes on as the profile restored from JSON (the form windows were stored in before) does, pseudo-random state included.
        var fromJson = ProfileJson.DeserializeDataset(ProfileJson.Serialize(window.Profile));
        var more = Profile(seed: 2);
        fromJson.Merge(more);
        read.Profile.Merge(more);
        fromJson.Column("x").Add(0.5);
        read.Profile.Column("x").Add(0.5);
        Assert.Equal(ProfileJson.Serialize(fromJson), ProfileJson.Serialize(read.Profile));
    }

    [Fact]
    public void Serialize_StoresNumbersAsRawBytes_NotText()
    {
        var profile = new DatasetProfile(ProfileSettings.Default with { SampleSize = 20_000 });
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            profile.Column("x").Add(random.NextDouble() * 1e6);
        }

        var bytes = WindowBlobCodec.Serialize(new OpenWindow(profile));

        // 16 bytes a kept value (priority and value) plus the sketch: far below the ≈ 40 bytes a value of the JSON form.
        Assert.InRange(bytes.Length, 320_000, 400_000);
        Assert.True(bytes.Length < ProfileJson.Serialize(profile).Length / 2);
    }

    [Fact]
    public void Deserialize_ANewerFormat_IsRefused()
    {
        var bytes = WindowBlobCodec.Serialize(new OpenWindow(new DatasetProfile()));
        bytes[0] = 99;

        Assert.Throws<InvalidDataException>(() => WindowBlobCodec.Deserialize(bytes));
        Assert.Throws<InvalidDataException>(() => WindowBlobCodec.Deserialize(bytes[..1]));
    }

    /// <summary>Numbers (with NaN, ±∞ and missing cells), few distinct values, categories beyond the top-k, a mixed column.</summary>
    private static DatasetProfile Profile(int seed)
    {
        var profile = new DatasetProfile(ProfileSettings.Default with { SampleSize = 500, TopCategories = 5, QuantileK = 16 });
        var random = new Random(seed);
        for (var i = 0; i < 2_000; i++)
        {
            profile.Column("x").Add(random.NextDouble() * 100 - 50);
            profile.Column("special").Add(i % 4 switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => double.NegativeInfinity, _ => -0.0 });
            profile.Column("small").Add((double)(i % 3));
            profile.Column("missing").Add((string?)null);
            profile.Column("city").Add("city-" + random.Next(12) + "ü");
            profile.Column("mixed").Add(i % 2 == 0 ? "7.5" : "seven");
            profile.Rows++;
        }

        return profile;
    }

    private static WindowPredictions Predictions(DateTimeOffset start)
    {
        var predictions = WindowPredictions.For("sys", start);
        predictions.ProbabilityClasses.AddRange(["cat", "dog"]);
        predictions.Add(new PredictionRecord("a", "cat", [0.75, double.NaN], null));
        predictions.Add(new PredictionRecord(null, "dog", null, "dog"));
        return predictions;
    }

    private static void AssertSame(WindowPredictions expected, WindowPredictions actual)
    {
        Assert.Equal((expected.Rows, expected.Seed), (actual.Rows, actual.Seed));
        Assert.Equal(expected.ProbabilityClasses, actual.ProbabilityClasses);
        Assert.Equal(expected.Kept.Select(r => (r.CorrelationId, r.Prediction, r.Target)), actual.Kept.Select(r => (r.CorrelationId, r.Prediction, r.Target)));
        Assert.Equal(0.75, actual.Kept[0].Probabilities![0]);
        Assert.True(double.IsNaN(actual.Kept[0].Probabilities![1]));
        Assert.Null(actual.Kept[1].Probabilities);
    }
}
