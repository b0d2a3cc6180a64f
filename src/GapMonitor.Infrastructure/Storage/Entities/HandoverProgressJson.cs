using GapMonitor.Core.Systems;

namespace GapMonitor.Infrastructure.Storage.Entities;

/// <summary>
/// <see cref="HandoverProgress"/> as one table property (at most 32,767 characters): the oldest confirmations are
/// dropped until it fits, so a run of long notes can never make the system row unwritable.
/// </summary>
internal static class HandoverProgressJson
{
    private const int MaxLength = 30_000;

    public static string? Serialize(HandoverProgress? progress)
    {
        if (progress is null)
        {
            return null;
        }

        var json = StorageJson.Serialize(progress);
        while (json.Length > MaxLength && progress.Confirmations.Count > 0)
        {
            progress = progress with { Confirmations = [.. progress.Confirmations.Take(progress.Confirmations.Count - 1)] };
            json = StorageJson.Serialize(progress);
        }

        return json;
    }
}
