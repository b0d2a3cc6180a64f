using System.Text;
using GapMonitor.Core.Performance;
using GapMonitor.Core.Telemetry;
using GapMonitor.Drift.Profiles;

namespace GapMonitor.Infrastructure.Telemetry;

/// <summary>
/// The stored form of one open (or closing) drift window, a blob of its own: a format byte, its model versions, its
/// kept predictions and its profile (<see cref="ProfileBinary"/>), numbers as raw little-endian bytes.
/// </summary>
internal static class WindowBlobCodec
{
    private const byte CurrentFormat = 1;

    public static byte[] Serialize(OpenWindow window)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(CurrentFormat);
            writer.Write(window.ModelVersions.Count);
            foreach (var (version, count) in window.ModelVersions)
            {
                writer.Write(version);
                writer.Write(count);
            }

            WritePredictions(writer, window.Predictions);
            ProfileBinary.Write(writer, window.Profile);
        }

        return stream.ToArray();
    }

    /// <summary>Refuses at once (before any decoding) bytes that cannot be a window of a format this version reads.</summary>
    /// <exception cref="InvalidDataException">The bytes are empty or of another format.</exception>
    public static void CheckFormat(byte[] data)
    {
        if (data.Length == 0 || data[0] is 0 or > CurrentFormat)
        {
            throw new InvalidDataException($"The drift window is in format {(data.Length == 0 ? "none (empty)" : data[0])}; this version reads format {CurrentFormat} and older.");
        }
    }

    /// <exception cref="InvalidDataException">The bytes are not a window, or were written by a newer format.</exception>
    public static OpenWindow Deserialize(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        try
        {
            var format = reader.ReadByte();
            if (format is 0 or > CurrentFormat)
            {
                throw new InvalidDataException($"The drift window is in format {format}; this version reads format {CurrentFormat} and older.");
            }

            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                versions[reader.ReadString()] = reader.ReadInt64();
            }

            var predictions = ReadPredictions(reader);
            return new OpenWindow(ProfileBinary.Read(reader)) { ModelVersions = versions, Predictions = predictions };
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The drift window ends early.", ex);
        }
    }

    private static void WritePredictions(BinaryWriter writer, WindowPredictions? predictions)
    {
        writer.Write(predictions is not null);
        if (predictions is null)
        {
            return;
        }

        writer.Write(predictions.Rows);
        writer.Write(predictions.Seed);
        writer.Write(predictions.ProbabilityClasses.Count);
        foreach (var name in predictions.ProbabilityClasses)
        {
            writer.Write(name);
        }

        writer.Write(predictions.Kept.Count);
        foreach (var record in predictions.Kept)
        {
            WriteText(writer, record.CorrelationId);
            writer.Write(record.Prediction);
            writer.Write(record.Probabilities?.Count ?? -1);
            foreach (var probability in record.Probabilities ?? [])
            {
                writer.Write(probability);
            }

            WriteText(writer, record.Target);
        }
    }

    private static WindowPredictions? ReadPredictions(BinaryReader reader)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        var rows = reader.ReadInt64();
        var seed = reader.ReadUInt64();
        var classes = new List<string>();
        for (var i = reader.ReadInt32(); i > 0; i--)
        {
            classes.Add(reader.ReadString());
        }

        var count = reader.ReadInt32();
        var kept = new List<PredictionRecord>(Math.Min(Math.Max(count, 0), WindowPredictions.MaxKept));
        for (var i = 0; i < count; i++)
        {
            var id = ReadText(reader);
            var prediction = reader.ReadString();
            var probabilityCount = reader.ReadInt32();
            double[]? probabilities = null;
            if (probabilityCount >= 0)
            {
                if (probabilityCount > (reader.BaseStream.Length - reader.BaseStream.Position) / sizeof(double))
                {
                    throw new InvalidDataException("A prediction's probabilities run past the window blob's end.");
                }

                probabilities = new double[probabilityCount];
                for (var p = 0; p < probabilityCount; p++)
                {
                    probabilities[p] = reader.ReadDouble();
                }
            }

            kept.Add(new PredictionRecord(id, prediction, probabilities, ReadText(reader)));
        }

        return new WindowPredictions { Rows = rows, Seed = seed, ProbabilityClasses = classes, Kept = kept };
    }

    private static void WriteText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadText(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
