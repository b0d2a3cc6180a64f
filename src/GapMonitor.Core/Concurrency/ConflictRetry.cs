
namespace GapMonitor.Core.Concurrency;

/// <summary>Read–decide–write loops: on an ETag conflict, read again and decide again.</summary>
internal static class ConflictRetry
{
    private const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(Func<Task<T>> attempt, int maxAttempts = MaxAttempts)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyConflictException) when (i < maxAttempts)
            {
                // Somebody else wrote first; the next iteration sees their change.
            }
        }
    }
}
