namespace GapMonitor.Core.Silences;

/// <summary>What creating or ending a silence did: the silence, or why not.</summary>
public sealed record SilenceOutcome(SilenceResult Result, Silence? Silence = null, IReadOnlyList<(string Field, string Message)>? Errors = null)
{
    public static readonly SilenceOutcome NotFound = new(SilenceResult.NotFound);
}
